// A page of notes for the remove of an item the explorer created itself (explorer and emitted
// suite tests).
import { html } from './local-site.ts';

// Notes kept in the page: "New note" opens an editor, "Save" adds the note. Every note repeats the
// same controls ("More" opens its menu, whose "Delete" asks a confirm), so only a locator scoped
// to the note itself tells the new note's from the note that was there before ("Groceries").
/** `removes: false`: Delete asks its confirm, then removes nothing (a seeded fault). */
export const notesWithMenus = ({ removes } = { removes: true }) => ({
  '/': html(
    'Notes',
    `<main><h1>Notes</h1>
     <ul id="notes"></ul>
     <button id="new-note">New note</button>
     <div id="editor"></div>
     <script>
       const notes = ['Groceries'];
       const list = document.getElementById('notes');
       const render = () => {
         list.replaceChildren(...notes.map((note) => {
           const item = document.createElement('li');
           item.innerHTML = '<span></span> <button aria-label="More">…</button>'
             + '<div class="menu" hidden><button>Delete</button></div>';
           item.querySelector('span').textContent = note;
           const menu = item.querySelector('.menu');
           item.querySelector('[aria-label=More]').addEventListener('click', () => { menu.hidden = !menu.hidden; });
           menu.querySelector('button').addEventListener('click', () => {
             if (!confirm('Delete "' + note + '"?')) return;
             if (${removes}) notes.splice(notes.indexOf(note), 1);
             render();
           });
           return item;
         }));
       };
       render();
       document.getElementById('new-note').addEventListener('click', () => {
         const editor = document.getElementById('editor');
         editor.innerHTML = '<section aria-label="Edit note"><input class="note-title" value="Untitled">'
           + ' <button class="note-save">Save</button></section>';
         editor.querySelector('button').addEventListener('click', () => {
           notes.push(editor.querySelector('input').value);
           editor.replaceChildren();
           render();
         });
       });
     </script>
     </main>`,
  ),
});
