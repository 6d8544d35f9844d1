/** The load generators' POST: JSON over a keep-alive agent, with the session's cookie and CSRF header. */
import http from 'node:http';

export interface Session {
  cookie: string;
  csrf: string;
}

export type Post = (path: string, s: Session, payload: object) => Promise<{ status: number; body: string }>;

/** A POST to the app on `port` through `agent` (one per worker, `maxSockets` = its concurrency). */
export function poster(port: number, agent: http.Agent): Post {
  return (path, s, payload) => {
    const data = Buffer.from(JSON.stringify(payload));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': data.length, cookie: s.cookie, 'x-csrf-token': s.csrf },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  };
}
