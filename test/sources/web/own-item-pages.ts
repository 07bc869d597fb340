// A page of notes for the remove of an item the explorer created itself (explorer and emitted
// suite tests).
import { html } from './local-site.ts';

// Notes kept in the page: "New note" opens an editor, "Save" adds the note (and its link under
// "Recent"). Every note repeats the same controls ("More" opens its menu, whose "Delete" asks a
// confirm), so only a locator scoped to the note itself tells the new note's from the note that
// was there before ("Groceries").
/** `removes: false`: Delete asks its confirm, then removes nothing (a seeded fault). */
export const notesWithMenus = ({ removes } = { removes: true }) => ({
  '/': html(
    'Notes',
    `<main><h1>Notes</h1>
     <ul id="notes"></ul>
     <nav aria-label="Recent"></nav>
     <button id="new-note">New note</button>
     <div id="editor"></div>
     <script>
       const list = document.getElementById('notes');
       const recent = document.querySelector('nav');
       const add = (note) => {
         const item = document.createElement('li');
         item.innerHTML = '<h3></h3> <button aria-label="More">…</button>'
           + '<div class="menu" hidden><button>Delete</button></div>';
         item.querySelector('h3').textContent = note;
         const menu = item.querySelector('.menu');
         item.querySelector('[aria-label=More]').addEventListener('click', () => { menu.hidden = !menu.hidden; });
         menu.querySelector('button').addEventListener('click', () => {
           if (!confirm('Delete "' + note + '"?')) return;
           if (!${removes}) return;
           item.remove();
           link.remove();
         });
         list.append(item);
         const link = document.createElement('p');
         link.innerHTML = '<a href="#"></a>';
         link.querySelector('a').textContent = note;
         recent.append(link);
       };
       add('Groceries');
       document.getElementById('new-note').addEventListener('click', () => {
         const editor = document.getElementById('editor');
         editor.innerHTML = '<section aria-label="Edit note"><input class="note-title" value="Untitled">'
           + ' <button class="note-save">Save</button></section>';
         editor.querySelector('button').addEventListener('click', () => {
           add(editor.querySelector('input').value);
           editor.replaceChildren();
         });
       });
     </script>
     </main>`,
  ),
});

// Notes kept in the page, each with its own "Edit": it turns the note into a title box (its
// text as the value) and a "Done" that saves it. Every note repeats "Edit", so only a locator
// scoped to the note itself tells the new note's from the note that was there before.
/**
 * `renames: false`: Done closes the editor and keeps the old title (a seeded fault). `inMenu`:
 * Edit is in the note's own menu, behind its "More". `keeps`: what lasts a reload (the notes kept
 * in localStorage): nothing (kept in the page only), the notes as created, or their edits too.
 * `cancel`: how the editor is left without saving: its "Cancel" button, or Escape in the title
 * box; `confirms`: a changed title asks "Discard changes…?" first; `saves` (a seeded fault): the
 * cancel keeps the typed title anyway.
 */
export const notesWithEdits = ({
  renames = true,
  inMenu = false,
  keeps = 'nothing',
  cancel,
  slidesIn = false,
}: {
  renames?: boolean;
  inMenu?: boolean;
  keeps?: 'nothing' | 'creates' | 'edits';
  cancel?: { by: 'button' | 'escape'; confirms?: boolean; saves?: boolean };
  /** The new note's editor slides in: for 600 ms a copy of it fades out beside it, as TiddlyWiki's frames do. */
  slidesIn?: boolean;
} = {}) => ({
  '/': html(
    'Notes',
    `<main><h1>Notes</h1>
     <ul id="notes"></ul>
     <nav aria-label="Recent"></nav>
     <button id="new-note">New note</button>
     <div id="editor"></div>
     <script>
       const list = document.getElementById('notes');
       const recent = document.querySelector('nav');
       const keeps = ${JSON.stringify(keeps)};
       const kept = JSON.parse(localStorage.getItem('notes') ?? '[]');
       const keep = () => { if (keeps !== 'nothing') localStorage.setItem('notes', JSON.stringify(kept)); };
       const add = (title, stored) => {
         let note = title;
         const item = document.createElement('li');
         const link = document.createElement('p');
         link.innerHTML = '<a href="#"></a>';
         const view = () => {
           item.innerHTML = ${inMenu}
             ? '<h3></h3> <button aria-label="More">…</button><div class="menu" hidden><button>Edit</button></div>'
             : '<h3></h3> <button>Edit</button>';
           item.querySelector('h3').textContent = note;
           link.querySelector('a').textContent = note;
           const menu = item.querySelector('.menu');
           if (menu) item.querySelector('[aria-label=More]').addEventListener('click', () => { menu.hidden = !menu.hidden; });
           (menu ?? item).querySelector('button:not([aria-label])').addEventListener('click', edit);
         };
         const cancel = ${JSON.stringify(cancel ?? null)};
         const edit = () => {
           item.innerHTML = '<input aria-label="Title"> <button>Done</button>'
             + (cancel?.by === 'button' ? ' <button class="leave">Cancel</button>' : '');
           const box = item.querySelector('input');
           box.value = note;
           item.querySelector('button').addEventListener('click', () => {
             if (${renames}) {
               if (stored && keeps === 'edits') { kept[kept.indexOf(note)] = box.value; keep(); }
               note = box.value;
             }
             view();
           });
           const leave = () => {
             if (cancel.confirms && box.value !== note && !confirm('Discard changes to "' + note + '"?')) return;
             if (cancel.saves) note = box.value;
             view();
           };
           if (cancel?.by === 'button') item.querySelector('.leave').addEventListener('click', leave);
           if (cancel?.by === 'escape') box.addEventListener('keydown', (event) => { if (event.key === 'Escape') leave(); });
         };
         view();
         list.append(item);
         recent.append(link);
       };
       add('Groceries', false);
       for (const title of kept) add(title, true);
       document.getElementById('new-note').addEventListener('click', () => {
         const editor = document.getElementById('editor');
         editor.innerHTML = '<section aria-label="New note"><input class="note-title" value="Untitled">'
           + ' <button class="note-save">Save</button></section>';
         if (${slidesIn}) {
           const copy = editor.firstElementChild.cloneNode(true);
           copy.style.transition = 'opacity 600ms';
           editor.append(copy);
           void copy.offsetWidth;
           copy.style.opacity = '0';
           copy.addEventListener('transitionend', () => copy.remove());
         }
         editor.querySelector('button').addEventListener('click', () => {
           const title = editor.querySelector('input').value;
           kept.push(title);
           keep();
           add(title, true);
           editor.replaceChildren();
         });
       });
     </script>
     </main>`,
  ),
});

// Feature flags kept in the page, the way many admin apps do it: "New feature flag" opens an
// editor whose "Create feature flag" adds the flag and opens its own page (`/flags/<name>`, by
// history.pushState), no list in sight. Its name shows there as the page's heading and in a
// breadcrumb (a list item, with no remove in it); "Archive feature flag" (an icon button named
// by the tooltip wrapper it is labelled by, as component libraries do it) opens a modal dialog of
// the page ("Cancel", and a confirm that repeats the verb), which archives it and goes back to
// the list. The flag that was there before ("checkout-v2") is listed with no control at all.
// "Edit description" (a link named by its aria-label) opens the flag's settings, whose own "Edit"
// opens the editor; its Save keeps the description and goes back to the flag's page, showing it.
/**
 * `archive`: what the dialog's confirm does. 'keeps' (a seeded fault): it closes the dialog and
 * goes back to the list, the flag still listed; 'nothing': it does nothing at all. `describe`:
 * what the settings' Save does; 'forgets' (a seeded fault) goes back without keeping the text.
 */
export const flagsWithOwnPages = ({
  archive = 'removes',
  describe = 'keeps',
}: { archive?: 'removes' | 'keeps' | 'nothing'; describe?: 'keeps' | 'forgets' } = {}) => ({
  '/': html(
    'Feature flags',
    `<div id="root"><nav aria-label="Main"><a href="/">Feature flags</a></nav><main id="view"></main></div>
     <div id="portal"></div>
     <script>
       const flags = ['checkout-v2'];
       const descriptions = {};
       const view = document.getElementById('view');
       const root = document.getElementById('root');
       const portal = document.getElementById('portal');
       const closeDialog = () => { portal.replaceChildren(); root.removeAttribute('aria-hidden'); };
       const showList = () => {
         view.innerHTML = '<h1>Feature flags</h1><ul id="flags"></ul>'
           + '<button id="new">New feature flag</button><div id="editor"></div>';
         const list = view.querySelector('#flags');
         for (const flag of flags) {
           const item = document.createElement('li');
           item.textContent = flag;
           list.append(item);
         }
         view.querySelector('#new').addEventListener('click', () => {
           const editor = view.querySelector('#editor');
           editor.innerHTML = '<section aria-label="New feature flag"><label>Name <input id="name"></label>'
             + ' <p role="alert" hidden>A name is required</p> <button id="create">Create feature flag</button></section>';
           editor.querySelector('#create').addEventListener('click', () => {
             const name = editor.querySelector('#name').value.trim();
             if (!name) { editor.querySelector('[role=alert]').hidden = false; return; }
             flags.push(name);
             history.pushState({}, '', '/flags/' + encodeURIComponent(name));
             showFlag(name);
           });
         });
       };
       const showFlag = (name) => {
         view.innerHTML = '<nav aria-label="Breadcrumb"><ol><li><a href="/">Feature flags</a></li><li class="here"></li></ol></nav>'
           + '<h1></h1><p>Enabled in development</p>'
           + '<p><span>Description:</span> <span class="description"></span> <a id="describe" href="#" aria-label="Edit description">✎</a></p>'
           + '<div id="archive-tip" aria-label="Archive feature flag"><button id="archive" aria-labelledby="archive-tip">'
           + '<svg aria-hidden="true" width="16" height="16"><rect width="16" height="16"></rect></svg></button></div>';
         view.querySelector('.here').textContent = name;
         view.querySelector('h1').textContent = name;
         view.querySelector('.description').textContent = descriptions[name] || 'No description.';
         view.querySelector('#describe').addEventListener('click', (event) => {
           event.preventDefault();
           history.pushState({}, '', '/flags/' + encodeURIComponent(name) + '/settings');
           view.innerHTML = '<h1>Settings</h1><p>Feature information</p><button id="open">Edit</button>'
             + '<p>Description: <strong class="description"></strong></p>';
           view.querySelector('.description').textContent = descriptions[name] || 'no description';
           view.querySelector('#open').addEventListener('click', () => showEditor(name));
         });
         view.querySelector('#archive').addEventListener('click', () => {
           portal.innerHTML = '<div role="dialog" aria-modal="true" aria-labelledby="dialog-title">'
             + '<h2 id="dialog-title">Archive feature flag?</h2><p class="which"></p>'
             + '<button id="cancel">Cancel</button> <button id="confirm">Archive feature flag</button></div>';
           portal.querySelector('.which').textContent = 'Archive ' + name + '? It can be revived from the archive.';
           root.setAttribute('aria-hidden', 'true');
           portal.querySelector('#cancel').addEventListener('click', closeDialog);
           portal.querySelector('#confirm').addEventListener('click', () => {
             if (${JSON.stringify(archive)} === 'nothing') return;
             if (${JSON.stringify(archive)} === 'removes') flags.splice(flags.indexOf(name), 1);
             closeDialog();
             history.pushState({}, '', '/');
             showList();
           });
         });
       };
       const showEditor = (name) => {
         view.innerHTML = '<h1>Edit feature flag</h1><form><label>Name <input value="" disabled></label>'
           + '<label>Description <textarea></textarea></label>'
           + '<button type="submit">Save</button> <button type="button" id="leave">Cancel</button></form>';
         view.querySelector('input').value = name;
         view.querySelector('textarea').value = descriptions[name] || '';
         view.querySelector('#leave').addEventListener('click', () => showFlag(name));
         view.querySelector('form').addEventListener('submit', (submitted) => {
           submitted.preventDefault();
           if (${JSON.stringify(describe)} === 'keeps') descriptions[name] = view.querySelector('textarea').value;
           history.pushState({}, '', '/flags/' + encodeURIComponent(name));
           showFlag(name);
         });
       };
       window.addEventListener('popstate', showList);
       showList();
     </script>`,
  ),
});
