// The browser host's folder pick gives the files the Electron host gives: accepted types only, at
// most MAX_FOLDER_DEPTH levels, named by their path inside the chosen folder, sorted.
import { describe, expect, it } from 'vitest';
import { MAX_FOLDER_FILES } from '../../../shared/platform/contract';
import { folderFiles } from '../../../renderer/platform/browser';

const f = (webkitRelativePath: string) => ({ name: webkitRelativePath.split('/').at(-1) ?? '', webkitRelativePath });

describe('folderFiles', () => {
  it('keeps accepted files, names them inside the folder, sorts them, and skips what is too deep', () => {
    const picked = folderFiles([
      f('nhan-goi/phuong-7/P7.JSON'), f('nhan-goi/p1.json'), f('nhan-goi/ghi-chu.txt'),
      f('nhan-goi/phuong-7/thang-5/lan-2/p7-2.json'), f('nhan-goi/phuong-7/thang-5/lan-2/qua-sau/too-deep.json'),
      f('nhan-goi/bang.xlsx'),
    ], ['json']);
    expect(picked === 'too-large' ? picked : picked.map((p) => p.name)).toEqual(['p1.json', 'phuong-7/P7.JSON', 'phuong-7/thang-5/lan-2/p7-2.json']);
  });

  it('refuses more files than the limit rather than cutting silently', () => {
    const many = Array.from({ length: MAX_FOLDER_FILES + 1 }, (_, i) => f(`d/${i}.json`));
    expect(folderFiles(many, ['json'])).toBe('too-large');
    expect(folderFiles(many.slice(1), ['json'])).toHaveLength(MAX_FOLDER_FILES);
  });
});
