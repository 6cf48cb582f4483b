import { fieldLabel } from '@internal/plugin-jetstream2-kubernetes-common';
import { isWholeNumber, PlanCheck } from './types';

const MIN_DOCKER_VOLUME_GB = 10;
const MAX_DOCKER_VOLUME_GB = 500;

/** Docker volume per node, from the guide's 10 GB up to 500 GB. */
export const dockerVolumeCheck: PlanCheck = {
  id: 'dockerVolume',
  run({ input }) {
    const size = input.dockerVolumeSize;
    const ok =
      isWholeNumber(size) &&
      size >= MIN_DOCKER_VOLUME_GB &&
      size <= MAX_DOCKER_VOLUME_GB;
    return {
      facts: { dockerVolumeSize: size },
      problems: ok
        ? []
        : [
            `${fieldLabel(
              'dockerVolumeSize',
            )} ${size} GB is out of range: use a whole number from ${MIN_DOCKER_VOLUME_GB} (the guide's value) to ${MAX_DOCKER_VOLUME_GB}.`,
          ],
    };
  },
};
