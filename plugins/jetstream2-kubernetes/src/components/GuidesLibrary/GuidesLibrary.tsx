import { EmptyState } from '@backstage/core-components';
import { Grid, MenuItem, TextField } from '@material-ui/core';
import type { GuideSource } from '@internal/plugin-jetstream2-kubernetes-common';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useDebounce from 'react-use/esm/useDebounce';
import { GuideCard, sourceLabel } from './GuideCard';
import { concepts, searchGuides } from '../common/catalogue';
import { useReadableLabel } from '../common/readableLabel';

/** The concept filter's options, by name. */
const conceptOptions = [...concepts].sort((a, b) =>
  a.name.localeCompare(b.name),
);

/** Every guide, filtered by concept, source and free text; the filters live in the URL. */
export const GuidesLibrary = () => {
  const labelClasses = useReadableLabel();
  const [params, setParams] = useSearchParams();
  const concept = params.get('concept') ?? '';
  const source = (params.get('source') ?? '') as GuideSource | '';
  const [text, setText] = useState(params.get('q') ?? '');
  const [q, setQ] = useState(text);
  useDebounce(() => setQ(text.trim()), 300, [text]);

  const guides = searchGuides({
    conceptId: concept || undefined,
    source: source || undefined,
    text: q || undefined,
  });

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} sm={4}>
        <TextField
          select
          fullWidth
          variant="outlined"
          size="small"
          InputLabelProps={{ className: labelClasses.label }}
          id="guides-concept-filter"
          label="Concept"
          value={concept}
          onChange={e => setParam('concept', String(e.target.value))}
        >
          <MenuItem value="">All concepts</MenuItem>
          {conceptOptions.map(c => (
            <MenuItem key={c.id} value={c.id}>
              {c.name}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={4}>
        <TextField
          select
          fullWidth
          variant="outlined"
          size="small"
          InputLabelProps={{ className: labelClasses.label }}
          id="guides-source-filter"
          label="Source"
          value={source}
          onChange={e => setParam('source', String(e.target.value))}
        >
          <MenuItem value="">All sources</MenuItem>
          {Object.entries(sourceLabel).map(([value, label]) => (
            <MenuItem key={value} value={value}>
              {label}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={4}>
        <TextField
          fullWidth
          variant="outlined"
          size="small"
          InputLabelProps={{ className: labelClasses.label }}
          id="guides-text-filter"
          label="Search guides"
          placeholder="e.g. Manila, GPU, credentials"
          value={text}
          onChange={e => setText(e.target.value)}
          onBlur={() => setParam('q', text.trim())}
        />
      </Grid>
      <Grid item xs={12}>
        {guides.length === 0 ? (
          <EmptyState
            missing="content"
            title="No guide matches these filters"
            description="Clear a filter, or try a broader word."
          />
        ) : (
          <Grid
            container
            spacing={2}
            component="ul"
            style={{ listStyle: 'none', padding: 0 }}
            aria-label="Guides"
          >
            {guides.map(guide => (
              <Grid item xs={12} sm={6} lg={4} key={guide.id} component="li">
                <GuideCard guide={guide} />
              </Grid>
            ))}
          </Grid>
        )}
      </Grid>
    </Grid>
  );
};
