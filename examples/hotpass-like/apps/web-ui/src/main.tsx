import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { parse } from 'yaml';
import clsx from 'clsx';

interface RunSummary {
  readonly name: string;
  readonly status: 'ok' | 'failed';
}

async function fetchRuns(): Promise<RunSummary[]> {
  const response = await fetch('/api/runs.yaml');
  return parse(await response.text()) as RunSummary[];
}

function Runs() {
  const { data, isPending } = useQuery({ queryKey: ['runs'], queryFn: fetchRuns });
  if (isPending) return <p>Loading…</p>;
  return (
    <ul>
      {(data ?? []).map((run) => (
        <li key={run.name} className={clsx('run', { failed: run.status === 'failed' })}>
          {run.name}: {run.status}
        </li>
      ))}
    </ul>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <h1>hotpass-like</h1>
        <Runs />
      </QueryClientProvider>
    </StrictMode>,
  );
}
