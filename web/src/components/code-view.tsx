import { useComputedColorScheme } from '@mantine/core';
import { Highlight } from 'prism-react-renderer';
import { darkCodeTheme, lightCodeTheme } from './code-theme.ts';
import './code-view.css';

const LANGUAGES: Record<string, string> = {
  ts: 'tsx',
  tsx: 'tsx',
  js: 'jsx',
  mjs: 'jsx',
  json: 'json',
  py: 'python',
  md: 'markdown',
  yaml: 'yaml',
  yml: 'yaml',
  sh: 'bash',
};

export function languageOf(path: string): string {
  return LANGUAGES[path.split('.').at(-1)?.toLowerCase() ?? ''] ?? 'plain';
}

/** Source with syntax highlighting and line numbers (Prism, bundled); `line` is scrolled to and marked. */
export function CodeView({ code, path, line }: { code: string; path: string; line?: number }) {
  const scheme = useComputedColorScheme('light');
  return (
    <Highlight
      code={code.replace(/\n$/, '')}
      language={languageOf(path)}
      theme={scheme === 'dark' ? darkCodeTheme : lightCodeTheme}
    >
      {({ className, style, tokens, getLineProps, getTokenProps }) => (
        <pre className={`${className} code-view`} style={style} tabIndex={0} aria-label={`Source of ${path}`}>
          {tokens.map((tokens, index) => {
            const props = getLineProps({ line: tokens });
            return (
              <div
                key={index}
                {...props}
                className={`${props.className} ${line === index + 1 ? 'code-view-marked' : ''}`}
                ref={
                  line === index + 1 ? (element) => element?.scrollIntoView({ block: 'center' }) : undefined
                }
              >
                <span className="code-view-number" aria-hidden>
                  {index + 1}
                </span>
                {tokens.map((token, key) => (
                  <span key={key} {...getTokenProps({ token })} />
                ))}
              </div>
            );
          })}
        </pre>
      )}
    </Highlight>
  );
}
