import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
} from '@material-ui/core';
import {
  sameObject,
  type ObjectEvent,
  type ObjectRef,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { EventsTable } from '../EventsTable';

/** The events of the given objects in one cluster. */
export function eventsOf(
  events: ObjectEvent[],
  cluster: string,
  objects: ObjectRef[],
): ObjectEvent[] {
  return events.filter(
    e => e.cluster === cluster && objects.some(o => sameObject(o, e.object)),
  );
}

/** The events of an item's objects (the workload, its pods, what it holds up), warnings first. */
export const EventsDialog = ({
  open,
  onClose,
  title,
  events,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  events: ObjectEvent[];
}) => {
  const titleId = `events-${title.replace(/\W+/g, '-')}`;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      maxWidth="lg"
      fullWidth
      aria-labelledby={titleId}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <EventsTable
          events={events}
          showNormal
          emptyText="Kubernetes has recorded no events for these objects (events expire after an hour)."
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} color="primary">
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
};
