// Every unit test may open a Dexie database: give Node an in-memory IndexedDB.
import 'fake-indexeddb/auto';
