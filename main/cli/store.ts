/** Opens a database for a command that edits it: the writer thread first (it creates and migrates the file), then a reader. */
import { openReader, type StoreReader } from '../core/store/reader.js';
import { StoreWriter } from '../core/store/writer.js';

export async function withStore<T>(db: string, use: (writer: StoreWriter, reader: StoreReader) => Promise<T>): Promise<T> {
  const writer = await StoreWriter.open(db);
  try {
    const reader = openReader(db);
    try {
      return await use(writer, reader);
    } finally {
      reader.close();
    }
  } finally {
    await writer.close();
  }
}
