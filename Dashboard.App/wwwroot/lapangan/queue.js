// The phone's queue (IndexedDB): every recording is kept with its idempotency key until the server answered it, and
// the last field data the server sent (indicators, targets, totals, rules) so the page works offline.
const DB_NAME = 'renaksi-lapangan';
const VERSION = 1;

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('items')) db.createObjectStore('items', { keyPath: 'key' });
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

let dbPromise;
const db = () => (dbPromise ??= open());

async function run(store, mode, action) {
  const database = await db();
  return new Promise((resolve, reject) => {
    const tx = database.transaction(store, mode);
    const result = action(tx.objectStore(store));
    tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const putItem = (item) => run('items', 'readwrite', (s) => s.put(item));
export const deleteItem = (key) => run('items', 'readwrite', (s) => s.delete(key));
export const allItems = async () => ((await run('items', 'readonly', (s) => s.getAll())) ?? []).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
export const getMeta = (name) => run('meta', 'readonly', (s) => s.get(name));
export const putMeta = (name, value) => run('meta', 'readwrite', (s) => s.put(value, name));

export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}
