import {
  ActionIcon,
  Anchor,
  AppShell,
  Burger,
  Button,
  Group,
  NavLink,
  Text,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useMatch } from 'react-router';
import { Loading } from '../components/page-states.tsx';

const ChatPanel = lazy(async () => ({ default: (await import('../screens/chat/chat-panel.tsx')).ChatPanel }));

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const current = useComputedColorScheme('light');
  const next = current === 'dark' ? 'light' : 'dark';
  return (
    <ActionIcon
      variant="default"
      size="lg"
      aria-label={`Switch to ${next} theme`}
      onClick={() => setColorScheme(next)}
    >
      <span aria-hidden>{current === 'dark' ? '☀' : '☾'}</span>
    </ActionIcon>
  );
}

/** The frame of every screen: header, navigation (a drawer at phone width), the page, and the project chat. */
export function AppShellLayout() {
  const [navOpen, nav] = useDisclosure(false);
  // Below the navbar's breakpoint (sm, 48em) a closed navbar only slides off-screen: hidden, its
  // links leave the tab order and the accessibility tree instead of taking focus out of sight.
  const phone = useMediaQuery('(max-width: 47.99em)');
  const [chatOpen, chat] = useDisclosure(false);
  const location = useLocation();
  const project = useMatch('/projects/:projectId/*')?.params.projectId;
  const links = [
    { to: '/projects', label: 'Projects' },
    ...(project
      ? [
          { to: `/projects/${project}`, label: 'Overview', end: true },
          { to: `/projects/${project}/generate`, label: 'Generate' },
          { to: `/projects/${project}/quality`, label: 'Quality' },
        ]
      : []),
    { to: '/settings', label: 'Settings' },
  ];
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      aside={{
        width: 380,
        breakpoint: 'md',
        collapsed: { desktop: !chatOpen || !project, mobile: !chatOpen || !project },
      }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Anchor href="#main" className="skip-link">
              Skip to content
            </Anchor>
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Text
              component={Link}
              to="/projects"
              fw={700}
              size="lg"
              style={{ textDecoration: 'none', color: 'inherit' }}
            >
              TestOps Copilot
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {project && (
              <Button
                variant={chatOpen ? 'filled' : 'default'}
                onClick={chat.toggle}
                aria-expanded={chatOpen}
              >
                Chat
              </Button>
            )}
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="xs"
        aria-label="Main"
        style={phone && !navOpen ? { visibility: 'hidden' } : undefined}
      >
        {links.map((link) => (
          <NavLink
            key={link.to}
            component={RouterNavLink}
            to={link.to}
            end={link.end ?? false}
            label={link.label}
            active={link.end ? location.pathname === link.to : location.pathname.startsWith(link.to)}
            onClick={nav.close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading label="Loading the screen…" />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      {project && chatOpen && (
        <AppShell.Aside p="sm" aria-label="Project chat">
          <Suspense fallback={<Loading label="Loading the chat…" />}>
            <ChatPanel projectId={project} onClose={chat.close} />
          </Suspense>
        </AppShell.Aside>
      )}
    </AppShell>
  );
}
