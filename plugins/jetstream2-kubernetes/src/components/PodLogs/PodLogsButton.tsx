import { IconButton, Tooltip } from '@material-ui/core';
import SubjectIcon from '@material-ui/icons/Subject';
import { useState } from 'react';
import type { EntityName } from '../../api';
import type { Pod } from '../common/pods';
import { PodLogsDialog } from './PodLogsDialog';

/** Opens a pod's logs, read through our backend (allowed for the entity's own pods). */
export const PodLogsButton = ({
  entity,
  cluster,
  pod,
}: {
  entity: EntityName;
  cluster: string;
  pod: Pod;
}) => {
  const [open, setOpen] = useState(false);
  const label = `Logs of ${pod.metadata?.name ?? 'pod'}`;
  return (
    <>
      <Tooltip title={label}>
        <IconButton
          size="small"
          aria-label={label}
          onClick={() => setOpen(true)}
        >
          <SubjectIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      {open && (
        <PodLogsDialog
          open={open}
          onClose={() => setOpen(false)}
          entity={entity}
          cluster={cluster}
          pod={pod}
        />
      )}
    </>
  );
};
