/**
 * Decrypting the streams of an encrypted PDF, so the stream scan measures what pdf.js would
 * inflate rather than ciphertext. Only files that open without a password matter here (a file
 * that needs one is refused by pdf.js before any stream is read): the standard security handler
 * with an empty user password, revisions 2-4 (RC4 or AES-128, keys from MD5) and 5-6 (AES-256).
 * AES and SHA-2 come from Web Crypto, in Node and in the import worker alike.
 */
import { md5 } from './md5';
import { PdfObjects } from './pdf-objects';
import type { StreamDecryptor } from './pdf-stream-scan';
import { isDict, isName, isString, parseDictAt, parseValue, skipSpace, type PdfDict, type PdfValue } from './pdf-syntax';

const PASSWORD_PADDING = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

type Cipher = 'rc4' | 'aes128' | 'aes256' | 'none';

/** A decryptor for the file's streams, or undefined when the file is not encrypted (or in a way these keys cannot open). */
export async function streamDecryptor(src: string): Promise<StreamDecryptor | undefined> {
  const trailer = trailerDict(src);
  if (!trailer) return undefined;
  const objects = new PdfObjects(src);
  const encrypt = objects.resolve(trailer.map.get('Encrypt'));
  if (!isDict(encrypt) || !isName(encrypt.map.get('Filter'), 'Standard')) return undefined;
  const get = (key: string): PdfValue | undefined => objects.resolve(encrypt.map.get(key));
  const revision = numberOr(get('R'), 2);
  const cipher = streamCipher(encrypt, objects);
  if (cipher === 'none') return undefined;
  const fileKey = revision >= 5 ? await aes256FileKey(encrypt, objects, revision) : rc4EraFileKey(encrypt, objects, trailer, revision);
  if (!fileKey) return undefined;
  return async (num, gen, data) => {
    if (cipher === 'aes256') return aesDecrypt(fileKey, data);
    const salt = cipher === 'aes128' ? [0x73, 0x41, 0x6c, 0x54] : [];
    const objectKey = md5(Uint8Array.from([...fileKey, num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff, ...salt])).subarray(0, Math.min(fileKey.length + 5, 16));
    return cipher === 'rc4' ? rc4(objectKey, data) : aesDecrypt(objectKey, data);
  };
}

/** The last trailer: a "trailer" dictionary or a cross-reference stream's dictionary. */
function trailerDict(src: string): PdfDict | undefined {
  const trailer = src.lastIndexOf('trailer');
  const classic = trailer >= 0 ? parseDictAt(src, trailer + 7) : undefined;
  if (classic?.map.has('Encrypt')) return classic;
  const at = src.lastIndexOf('startxref');
  const offset = at >= 0 ? parseValue(src, at + 9)?.value : undefined;
  if (typeof offset !== 'number' || offset <= 0 || offset >= src.length) return classic;
  const start = skipSpace(src, offset);
  const head = /^\d{1,10}\s+\d{1,5}\s+obj/.exec(src.slice(start, start + 40));
  return (head ? parseDictAt(src, start + head[0].length) : undefined) ?? classic;
}

function streamCipher(encrypt: PdfDict, objects: PdfObjects): Cipher {
  const version = numberOr(objects.resolve(encrypt.map.get('V')), 0);
  if (version < 4) return 'rc4';
  const name = objects.resolve(encrypt.map.get('StmF'));
  if (!isName(name) || name.v === 'Identity') return 'none';
  const filters = objects.resolve(encrypt.map.get('CF'));
  const filter = isDict(filters) ? objects.resolve(filters.map.get(name.v)) : undefined;
  const method = isDict(filter) ? objects.resolve(filter.map.get('CFM')) : undefined;
  if (isName(method, 'V2')) return 'rc4';
  if (isName(method, 'AESV2')) return 'aes128';
  if (isName(method, 'AESV3')) return 'aes256';
  return 'none';
}

/** Revisions 2-4: MD5 of the padded empty password, the owner hash, the permissions and the file id. */
function rc4EraFileKey(encrypt: PdfDict, objects: PdfObjects, trailer: PdfDict, revision: number): Uint8Array | undefined {
  const owner = objects.resolve(encrypt.map.get('O'));
  const permissions = objects.resolve(encrypt.map.get('P'));
  const ids = objects.resolve(trailer.map.get('ID'));
  const firstId = Array.isArray(ids) ? objects.resolve(ids[0]) : undefined;
  if (!isString(owner) || typeof permissions !== 'number') return undefined;
  const length = revision === 2 ? 5 : Math.min(16, Math.max(5, numberOr(objects.resolve(encrypt.map.get('Length')), 40) / 8));
  const p = permissions >>> 0;
  const metadata = objects.resolve(encrypt.map.get('EncryptMetadata'));
  const input = [...PASSWORD_PADDING, ...owner.bytes.subarray(0, 32), p & 0xff, (p >> 8) & 0xff, (p >> 16) & 0xff, (p >>> 24) & 0xff, ...(isString(firstId) ? firstId.bytes : [])];
  if (revision >= 4 && metadata === false) input.push(0xff, 0xff, 0xff, 0xff);
  let key = md5(Uint8Array.from(input)).subarray(0, length);
  if (revision >= 3) for (let i = 0; i < 50; i++) key = md5(key).subarray(0, length);
  return key;
}

/** Revisions 5-6: the file key is /UE decrypted with a hash of the empty password and /U's key salt. */
async function aes256FileKey(encrypt: PdfDict, objects: PdfObjects, revision: number): Promise<Uint8Array | undefined> {
  const user = objects.resolve(encrypt.map.get('U'));
  const userKey = objects.resolve(encrypt.map.get('UE'));
  if (!isString(user) || !isString(userKey) || user.bytes.length < 48 || userKey.bytes.length < 32) return undefined;
  const salt = user.bytes.subarray(40, 48);
  const intermediate = revision === 5 ? new Uint8Array(await crypto.subtle.digest('SHA-256', salt.slice())) : await hardenedHash(salt);
  return aesCbcDecryptRaw(intermediate, new Uint8Array(16), userKey.bytes.subarray(0, 32));
}

/** ISO 32000-2's hash for revision 6 (algorithm 2.B), for an empty password and no user data. */
async function hardenedHash(salt: Uint8Array): Promise<Uint8Array> {
  let k = new Uint8Array(await crypto.subtle.digest('SHA-256', salt.slice()));
  for (let round = 0; ; round++) {
    const block = new Uint8Array(k.length * 64);
    for (let i = 0; i < 64; i++) block.set(k, i * k.length);
    const key = await crypto.subtle.importKey('raw', k.slice(0, 16), 'AES-CBC', false, ['encrypt']);
    const e = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: k.slice(16, 32) }, key, block)).subarray(0, block.length);
    const sum = e.subarray(0, 16).reduce((total, byte) => total + byte, 0);
    const hash = ['SHA-256', 'SHA-384', 'SHA-512'][sum % 3] ?? 'SHA-256';
    k = new Uint8Array(await crypto.subtle.digest(hash, e.slice()));
    if (round >= 63 && (e[e.length - 1] ?? 0) <= round - 31) return k.subarray(0, 32);
  }
}

/** A stream encrypted with AES: the first 16 bytes are the IV; the padding is dropped when valid. */
async function aesDecrypt(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  if (data.length < 32) return new Uint8Array(0);
  const body = data.subarray(16, 16 + Math.floor((data.length - 16) / 16) * 16);
  const plain = await aesCbcDecryptRaw(key, data.subarray(0, 16), body);
  const pad = plain[plain.length - 1] ?? 0;
  return pad >= 1 && pad <= 16 ? plain.subarray(0, plain.length - pad) : plain;
}

/**
 * AES-CBC decryption with no padding check: Web Crypto insists on PKCS#7 padding, so one block
 * that decrypts to a full block of padding is appended (the encryption of sixteen 0x10 bytes
 * chained on the last ciphertext block), and the plaintext comes back whole.
 */
async function aesCbcDecryptRaw(keyBytes: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  if (data.length === 0) return data;
  const key = await crypto.subtle.importKey('raw', keyBytes.slice(), 'AES-CBC', false, ['encrypt', 'decrypt']);
  const last = data.slice(data.length - 16);
  const extra = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: last }, key, new Uint8Array(16).fill(16))).subarray(0, 16);
  const joined = new Uint8Array(data.length + 16);
  joined.set(data);
  joined.set(extra, data.length);
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: iv.slice() }, key, joined));
}

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 0xff;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + (s[i] ?? 0)) & 0xff;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
    out[n] = (data[n] ?? 0) ^ (s[((s[i] ?? 0) + (s[j] ?? 0)) & 0xff] ?? 0);
  }
  return out;
}

function numberOr(value: PdfValue | undefined, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}
