// Pure checks shared by the template forms and the scaffolder actions: one implementation of each.
export * from './quota';
export * from './balance';
export * from './names';
