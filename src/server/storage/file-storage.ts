/**
 * Where uploaded and generated files live. The default keeps them under the data directory;
 * another implementation (object storage) can replace it without touching services.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface StoredFile {
  key: string;
  sha256: string;
  size: number;
}

export interface FileStorage {
  put(data: Buffer): Promise<StoredFile>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(data: Buffer): Promise<StoredFile> {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const key = `${sha256.slice(0, 2)}/${randomUUID()}`;
    const file = path.join(this.root, key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // write then rename: a crash never leaves a half-written file under its final name
    await fs.writeFile(file + '.part', data);
    await fs.rename(file + '.part', file);
    return { key, sha256, size: data.length };
  }

  async get(key: string): Promise<Buffer> {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error('bad storage key');
    return fs.readFile(path.join(this.root, key));
  }

  async remove(key: string): Promise<void> {
    await fs.rm(path.join(this.root, key), { force: true });
  }
}
