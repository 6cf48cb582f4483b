export { PodLogsButton } from './PodLogsButton';
export {
  PodLogsDialog,
  containerNames,
  type PodLogsDialogProps,
} from './PodLogsDialog';
