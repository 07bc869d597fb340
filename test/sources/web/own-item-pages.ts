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
 * Edit is in the note's own menu, behind its "More".
 */
export const notesWithEdits = ({ renames = true, inMenu = false } = {}) => ({
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
       const add = (title) => {
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
         const edit = () => {
           item.innerHTML = '<input aria-label="Title"> <button>Done</button>';
           const box = item.querySelector('input');
           box.value = note;
           item.querySelector('button').addEventListener('click', () => {
             if (${renames}) note = box.value;
             view();
           });
         };
         view();
         list.append(item);
         recent.append(link);
       };
       add('Groceries');
       document.getElementById('new-note').addEventListener('click', () => {
         const editor = document.getElementById('editor');
         editor.innerHTML = '<section aria-label="New note"><input class="note-title" value="Untitled">'
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
