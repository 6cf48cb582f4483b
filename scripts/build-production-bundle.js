// Builds packages/backend/dist/bundle.tar.gz and dist/skeleton.tar.gz exactly as
// `backstage-cli package build` does for a backend (its buildBackend), but for npm: the CLI copies the root
// `yarn.lock` into the bundle and fails without one, so this copies package.json, package-lock.json and
// .npmrc instead. The local dependencies (our plugins, the app) must be built before (see
// scripts/build-production.sh); nothing here runs yarn.
//
//   cd packages/backend && node ../../scripts/build-production-bundle.js
const os = require('node:os');
const path = require('node:path');
const fs = require('fs-extra');
const tar = require('tar');

const cliBuild = path.dirname(
  require.resolve('@backstage/cli-module-build/package.json'),
);
const lib = file => require(path.join(cliBuild, 'dist/lib', file));
const { createDistWorkspace } = lib('packager/createDistWorkspace.cjs.js');
const { buildPackage } = lib('builder/packager.cjs.js');
const { Output } = lib('builder/types.cjs.js');
const { PackageGraph } = require('@backstage/cli-node');

async function main() {
  const targetDir = process.cwd();
  const pkg = await fs.readJson(path.resolve(targetDir, 'package.json'));
  await buildPackage({
    targetDir,
    packageJson: pkg,
    outputs: new Set([Output.cjs]),
    workspacePackages: await PackageGraph.listTargetPackages(),
  });
  const tmpDir = await fs.mkdtemp(
    path.resolve(os.tmpdir(), 'backstage-bundle'),
  );
  try {
    await createDistWorkspace([pkg.name], {
      targetDir: tmpDir,
      buildDependencies: false,
      files: ['package.json', 'package-lock.json', '.npmrc'],
      skeleton: 'skeleton.tar.gz',
    });
    const distDir = path.resolve(targetDir, 'dist');
    await fs.remove(distDir);
    await fs.mkdir(distDir);
    await fs.move(
      path.resolve(tmpDir, 'skeleton.tar.gz'),
      path.resolve(distDir, 'skeleton.tar.gz'),
    );
    await tar.create(
      {
        file: path.resolve(distDir, 'bundle.tar.gz'),
        cwd: tmpDir,
        portable: true,
        noMtime: true,
        gzip: true,
      },
      [''],
    );
  } finally {
    await fs.remove(tmpDir);
  }
}

main().catch(err => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
