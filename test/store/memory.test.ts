import { createMemoryStore, type Store } from '../../src/store/index.js';
import { storeConformance } from './conformance.js';

storeConformance('memory', {
  create: () => createMemoryStore(),
  corruptModel: (store: Store, key) => {
    (store as ReturnType<typeof createMemoryStore>).tables.models.set(`${key.sha256}\u0000${key.version}`, JSON.stringify({ schemaVersion: '1', file: 42 }));
  },
});
