// /catalog: popular products, category tabs and a live search over the product list.
import { h, srOnly } from '../dom.js';
import { hasFault } from '../fault.js';
import { navigate } from '../router.js';

function productsFoundText(count) {
  return count === 1 ? '1 product found' : `${count} products found`;
}

function productCard(product, categoryName) {
  const headingId = `product-${product.id}-name`;
  return h(
    'li',
    { class: 'product-card card', 'data-testid': 'product-card', 'data-product-id': product.id },
    h(
      'article',
      { 'aria-labelledby': headingId },
      h(
        'div',
        { class: 'product-card-head' },
        h('h3', { id: headingId }, product.name),
        product.freeTier
          ? h('span', { class: 'badge', 'data-testid': 'free-tier-badge' }, 'Free Tier')
          : null,
      ),
      h('p', { class: 'product-category' }, categoryName),
      h('p', { class: 'product-description' }, product.description),
      h(
        'button',
        { type: 'button', class: 'button', onClick: () => navigate(`/configure/${product.id}`) },
        'Configure',
        srOnly(` ${product.name}`),
      ),
    ),
  );
}

export function renderCatalogPage(_context, { catalog }) {
  const categoryName = (id) => catalog.categories.find((category) => category.id === id)?.name ?? id;
  const tabsData = [{ id: 'all', name: 'All' }, ...catalog.categories];
  let selected = 'all';

  const searchInput = h('input', {
    type: 'search',
    id: 'product-search',
    name: 'q',
    autocomplete: 'off',
    placeholder: 'e.g. disk, PostgreSQL',
  });
  const status = h('p', { class: 'search-status', role: 'status', 'data-testid': 'search-status' });
  const list = h('ul', { class: 'product-grid', 'data-testid': 'product-list' });
  const empty = h('p', { class: 'empty-state', hidden: true });

  function visibleProducts() {
    const query = searchInput.value.trim().toLowerCase();
    // Fault: a non-empty search looks through every category instead of the selected one.
    const ignoreCategory = query !== '' && hasFault('search-ignores-category');
    return catalog.products.filter(
      (product) =>
        (ignoreCategory || selected === 'all' || product.category === selected) &&
        (query === '' ||
          product.name.toLowerCase().includes(query) ||
          product.description.toLowerCase().includes(query)),
    );
  }

  function update() {
    const products = visibleProducts();
    list.replaceChildren(...products.map((product) => productCard(product, categoryName(product.category))));
    status.textContent = productsFoundText(products.length);
    empty.hidden = products.length > 0;
    empty.textContent = `No products match “${searchInput.value.trim()}” in this category.`;
  }

  const tabs = tabsData.map((category) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${category.id}`,
        class: 'tab',
        'aria-controls': 'product-panel',
        'aria-selected': String(category.id === selected),
        tabindex: category.id === selected ? '0' : '-1',
        'data-category': category.id,
      },
      category.name,
    ),
  );
  const panel = h(
    'div',
    { id: 'product-panel', role: 'tabpanel', 'aria-labelledby': 'tab-all', class: 'product-panel' },
    status,
    list,
    empty,
  );

  function select(tab, { focus }) {
    selected = tab.dataset.category;
    for (const other of tabs) {
      const isSelected = other === tab;
      other.setAttribute('aria-selected', String(isSelected));
      other.tabIndex = isSelected ? 0 : -1;
    }
    panel.setAttribute('aria-labelledby', tab.id);
    if (focus) tab.focus();
    update();
  }

  for (const [index, tab] of tabs.entries()) {
    tab.addEventListener('click', () => select(tab, { focus: false }));
    // Arrow keys move between tabs (automatic activation), as the ARIA tabs pattern expects.
    tab.addEventListener('keydown', (event) => {
      const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
      if (!(event.key in moves)) return;
      event.preventDefault();
      select(tabs[(moves[event.key] + tabs.length) % tabs.length], { focus: true });
    });
  }
  searchInput.addEventListener('input', update);
  update();

  const popular = catalog.products.filter((product) => product.popular);
  return {
    title: 'Product catalogue — Cloud price calculator',
    element: h(
      'div',
      { class: 'page page-catalog', 'data-testid': 'catalog-page' },
      h('h1', { id: 'page-title' }, 'Product catalogue'),
      h(
        'p',
        { class: 'lead' },
        'Choose a service to configure. Free Tier products cost nothing within their allowance.',
      ),
      h(
        'section',
        { class: 'popular', 'aria-labelledby': 'popular-heading', 'data-testid': 'popular-products' },
        h('h2', { id: 'popular-heading' }, 'Popular products'),
        h(
          'ul',
          { class: 'popular-list' },
          popular.map((product) =>
            h(
              'li',
              { class: 'popular-item card' },
              h('a', { href: `/configure/${product.id}` }, product.name),
              h('span', { class: 'muted' }, categoryName(product.category)),
            ),
          ),
        ),
      ),
      h(
        'section',
        { class: 'all-products', 'aria-labelledby': 'all-products-heading' },
        h('h2', { id: 'all-products-heading' }, 'All products'),
        h(
          'div',
          { class: 'catalog-controls' },
          h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Categories' }, tabs),
          h(
            'div',
            { class: 'search-field' },
            h('label', { for: 'product-search' }, 'Search products'),
            searchInput,
          ),
        ),
        panel,
      ),
    ),
  };
}
