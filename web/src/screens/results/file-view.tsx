import { Button, Stack, Text } from '@mantine/core';
import { taskFileUrl } from '../../api/tasks.ts';
import { downloadWithKey, useTaskFileText } from '../../api/task-file.ts';
import { AuthImage } from '../../components/auth-image.tsx';
import { CodeView } from '../../components/code-view.tsx';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { Loading } from '../../components/page-states.tsx';

const IMAGE = /\.(png|jpe?g|webp)$/i;

/** One produced file: code highlighted, a screenshot shown, a trace offered for download. */
export function FileView({ taskId, path, line }: { taskId: string; path: string; line?: number }) {
  const image = IMAGE.test(path);
  const archive = path.toLowerCase().endsWith('.zip');
  const text = useTaskFileText(taskId, image || archive ? undefined : path);
  if (image) return <AuthImage src={taskFileUrl(taskId, path)} alt={`Screenshot ${path}`} />;
  if (archive)
    return (
      <Stack gap="xs" align="flex-start">
        <Button
          variant="light"
          onClick={() => void downloadWithKey(taskFileUrl(taskId, path), path.split('/').at(-1)!)}
        >
          Download {path.split('/').at(-1)}
        </Button>
        {path.includes('trace') && (
          <Text size="sm" c="dimmed">
            Open it with <code>npx playwright show-trace {path.split('/').at(-1)}</code> — the trace viewer
            runs offline.
          </Text>
        )}
      </Stack>
    );
  if (text.isPending) return <Loading label={`Loading ${path}…`} />;
  if (text.error) return <ErrorPanel error={text.error} />;
  return <CodeView code={text.data} path={path} {...(line ? { line } : {})} />;
}
