import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Chat, ChatMessage } from '../../api/api-types.ts';
import { Route, Routes } from 'react-router';
import { renderWithProviders } from '../../test-render.tsx';
import { ProjectPage } from '../projects/project-page.tsx';
import { message } from './chat-fixtures.ts';
import { ChatPanel } from './chat-panel.tsx';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const ROUTES = {
  '/api/v1/projects/{id}/chat': { post: {} },
  '/api/v1/projects/{id}/chats': { get: {}, post: {} },
  '/api/v1/projects/{id}/history': { get: {} },
};

function chat(id: string, title: string, updated: string): Chat {
  const links = { self: `/api/v1/projects/shop/chats/${id}`, history: '' };
  return { id, project_id: 'shop', title, created_at: updated, updated_at: updated, links };
}

/**
 * The chat routes as the service answers them: chats newest first, the history of one chat, and
 * a turn that stores the question and its answer in the chat's tree (a regenerate adds a sibling).
 */
function service(options: { chats: Chat[]; messages: ChatMessage[]; historyFails?: boolean }) {
  const messages = [...options.messages];
  const posts: Record<string, unknown>[] = [];
  let replies = 0;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = new URL(String(input), 'http://ui.test');
    if (url.pathname === '/openapi.json') return Promise.resolve(json(200, { paths: ROUTES }));
    if (url.pathname === '/api/v1/tasks')
      return Promise.resolve(json(200, { items: [], limit: 200, offset: 0 }));
    if (url.pathname === '/api/v1/projects/shop/chats')
      return Promise.resolve(json(200, { items: options.chats }));
    if (url.pathname === '/api/v1/projects/shop/history') {
      if (options.historyFails)
        return Promise.resolve(
          json(503, {
            error: {
              code: 'TESTOPS_STORE_UNAVAILABLE',
              message: 'the database is not answering',
              request_id: 'r1',
            },
          }),
        );
      const chatId = url.searchParams.get('chat_id');
      return Promise.resolve(
        json(200, { items: messages.filter((m) => m.chat_id === chatId), next_cursor: null }),
      );
    }
    if (url.pathname === '/api/v1/projects/shop/chat' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as Record<string, string | undefined> & {
        messages: { content: string }[];
      };
      posts.push(body);
      const chatId = body.chat_id ?? 'chat-new';
      replies += 1;
      let parent: string;
      if (body.regenerate_id) parent = messages.find((m) => m.id === body.regenerate_id)!.parent_id!;
      else {
        const question = message(
          `q-${replies}`,
          body.parent_id ?? null,
          'user',
          body.messages.at(-1)!.content,
          chatId,
        );
        messages.push(question);
        parent = question.id;
      }
      const answer = message(`a-${replies}`, parent, 'assistant', `Answer ${replies}`, chatId);
      messages.push(answer);
      return Promise.resolve(
        json(200, {
          id: answer.id,
          chat_id: chatId,
          message: { role: 'assistant', content: answer.content },
        }),
      );
    }
    return Promise.resolve(
      json(404, { error: { code: 'TESTOPS_NOT_FOUND', message: url.pathname, request_id: 'r' } }),
    );
  });
  return posts;
}

const stored = [
  message('q1', null, 'user', 'What failed?', 'chat-2'),
  message('a1', 'q1', 'assistant', 'Two tests failed.', 'chat-2'),
  message('a1b', 'q1', 'assistant', 'GET /vms returned 500 twice.', 'chat-2'),
  message('old-q', null, 'user', 'An older question', 'chat-1'),
];
const twoChats = [
  chat('chat-2', 'Failures', '2026-01-02T00:00:00Z'),
  chat('chat-1', 'Setup', '2026-01-01T00:00:00Z'),
];
const log = () => screen.getByRole('log', { name: 'Conversation' });

afterEach(() => vi.restoreAllMocks());

describe('ChatPanel', () => {
  it('opens on the latest chat with its stored history, and browses the answers to a question', async () => {
    service({ chats: twoChats, messages: stored });
    renderWithProviders(<ChatPanel projectId="shop" onClose={() => {}} />);
    await screen.findByRole('log', { name: 'Conversation' });
    expect(await within(log()).findByText('GET /vms returned 500 twice.')).toBeTruthy();
    expect(within(log()).getByText('What failed?')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Answer 2 of 2' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Previous answer' }));
    expect(await within(log()).findByText('Two tests failed.')).toBeTruthy();
    expect(within(log()).queryByText('GET /vms returned 500 twice.')).toBeNull();
  });

  it('continues the chat on screen, after the message shown, and regenerates the last answer', async () => {
    const posts = service({ chats: twoChats, messages: stored });
    renderWithProviders(<ChatPanel projectId="shop" onClose={() => {}} />);
    await screen.findByRole('log', { name: 'Conversation' });
    await within(log()).findByText('GET /vms returned 500 twice.');
    await userEvent.type(screen.getByLabelText('Message'), 'Why?{Enter}');
    expect(await within(log()).findByText('Answer 1')).toBeTruthy();
    expect(posts[0]).toMatchObject({ chat_id: 'chat-2', parent_id: 'a1b' });
    expect(within(log()).getByText('Why?')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Regenerate' }));
    expect(await within(log()).findByText('Answer 2')).toBeTruthy();
    expect(posts[1]).toMatchObject({ chat_id: 'chat-2', regenerate_id: 'a-1' });
    expect(posts[1]).not.toHaveProperty('parent_id');
    // Both questions now have two answers, each showing its newest.
    expect(screen.getAllByRole('group', { name: 'Answer 2 of 2' })).toHaveLength(2);
    expect(within(log()).queryByText('Answer 1')).toBeNull();
  });

  it('switches to another chat, and starts a new one without a chat id', async () => {
    const posts = service({ chats: twoChats, messages: stored });
    renderWithProviders(<ChatPanel projectId="shop" onClose={() => {}} />);
    await screen.findByRole('log', { name: 'Conversation' });
    await within(log()).findByText('What failed?');
    await userEvent.click(screen.getByRole('combobox', { name: 'Chat' }));
    // happy-dom never ends Mantine's opening transition, so the open list still counts as hidden.
    await userEvent.click(await screen.findByRole('option', { name: /^Setup/, hidden: true }));
    expect(await within(log()).findByText('An older question')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'New chat' }));
    expect(within(log()).getByText(/for the commands/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Message'), '/help{Enter}');
    expect(await within(log()).findByText('Answer 1')).toBeTruthy();
    expect(posts[0]).not.toHaveProperty('chat_id');
  });

  // Regression: the project page's chats card cached another shape under the same key, and the
  // panel crashed when it opened beside it.
  it('opens beside the project page, which counts the same chats', async () => {
    service({ chats: twoChats, messages: stored });
    renderWithProviders(
      <Routes>
        <Route
          path="/projects/:projectId"
          element={
            <>
              <ProjectPage />
              <ChatPanel projectId="shop" onClose={() => {}} />
            </>
          }
        />
      </Routes>,
      { route: '/projects/shop' },
    );
    expect(await screen.findByText('GET /vms returned 500 twice.')).toBeTruthy();
    expect(await screen.findByText('Chats')).toBeTruthy();
    expect(screen.getByText('Failures')).toBeTruthy();
  });

  it('invites a first question when the project has no chat yet', async () => {
    service({ chats: [], messages: [] });
    renderWithProviders(<ChatPanel projectId="shop" onClose={() => {}} />);
    expect(await screen.findByText(/for the commands/)).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Chat' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Regenerate' })).toBeNull();
  });

  it('shows the service error when the history cannot be read, with a retry', async () => {
    service({ chats: twoChats, messages: stored, historyFails: true });
    renderWithProviders(<ChatPanel projectId="shop" onClose={() => {}} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('TESTOPS_STORE_UNAVAILABLE');
    expect(alert).toHaveTextContent('the database is not answering');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Loading the conversation…')).toBeNull());
  });
});
