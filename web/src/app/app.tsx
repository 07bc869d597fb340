import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { ProjectsPage } from '../screens/projects/projects-page.tsx';
import { AppShellLayout } from './app-shell.tsx';
import { theme } from './theme.ts';

// Screens past the first are loaded when opened: the first page stays within its JavaScript budget.
const ProjectPage = lazy(async () => ({
  default: (await import('../screens/projects/project-page.tsx')).ProjectPage,
}));
const GeneratePage = lazy(async () => ({
  default: (await import('../screens/generate/generate-page.tsx')).GeneratePage,
}));
const JobPage = lazy(async () => ({ default: (await import('../screens/jobs/job-page.tsx')).JobPage }));
const QualityPage = lazy(async () => ({
  default: (await import('../screens/quality/quality-page.tsx')).QualityPage,
}));
const SettingsPage = lazy(async () => ({
  default: (await import('../screens/settings/settings-page.tsx')).SettingsPage,
}));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused or missing resource will not appear by asking again.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter([
  {
    element: <AppShellLayout />,
    children: [
      { index: true, element: <Navigate to="/projects" replace /> },
      { path: 'projects', element: <ProjectsPage /> },
      { path: 'projects/:projectId', element: <ProjectPage /> },
      { path: 'projects/:projectId/generate', element: <GeneratePage /> },
      { path: 'projects/:projectId/quality', element: <QualityPage /> },
      { path: 'jobs/:taskId', element: <JobPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <Navigate to="/projects" replace /> },
    ],
  },
]);

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
