// second-instance / open-file / first launch: only existing regular .json files get through.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptableOpenPath, filterOpenPaths } from '../../../electron/main/args';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'planbook-args-'));
  await writeFile(path.join(dir, 'bao-cao.planbook.json'), '{}');
  await writeFile(path.join(dir, 'UPPER.JSON'), '{}');
  await writeFile(path.join(dir, 'ke-hoach.xlsx'), 'x');
  await writeFile(path.join(dir, 'run.exe'), 'x');
  await mkdir(path.join(dir, 'folder.json'));
});

describe('filterOpenPaths', () => {
  it('keeps existing .json files from a second instance argv, in order, once', async () => {
    const argv = ['/opt/PlanBook/planbook', '--allow-file-access-from-files', '.', 'bao-cao.planbook.json',
      path.join(dir, 'UPPER.JSON'), path.join(dir, 'bao-cao.planbook.json')];
    expect(await filterOpenPaths(argv, dir)).toEqual([path.join(dir, 'bao-cao.planbook.json'), path.join(dir, 'UPPER.JSON')]);
  });

  it.each([
    ['a flag', '--inspect=9229'],
    ['a flag that looks like a file', '--x=a.json'],
    ['another extension', 'ke-hoach.xlsx'],
    ['an executable', 'run.exe'],
    ['a missing file', 'missing.json'],
    ['a directory named .json', 'folder.json'],
    ['a URL', 'file:///etc/passwd.json'],
    ['an app URL', 'app://planbook/x.json'],
    ['a UNC path', '\\\\attacker\\share\\x.json'],
    ['a forward-slash UNC path', '//attacker/share/x.json'],
    ['a device path', '\\\\?\\C:\\x.json'],
    ['an empty argument', ''],
    ['a NUL byte', 'bao-cao.planbook.json\0.exe'],
  ])('refuses %s', async (_what, arg) => {
    expect(await acceptableOpenPath(arg, dir)).toBeNull();
  });

  it('macOS open-file: one absolute path', async () => {
    expect(await filterOpenPaths([path.join(dir, 'bao-cao.planbook.json')], '/')).toEqual([path.join(dir, 'bao-cao.planbook.json')]);
  });
});
