import { describe, expect, it } from 'vitest';
import { showEmojiCodes } from './emoji-codes.js';

describe('Xiaohongshu emoji codes on screen', () => {
  it('shows a known code as its emoji and an unknown one as its name, never the raw code', () => {
    expect(showEmojiCodes('冲冲冲[派对R][派对R]')).toBe('冲冲冲🎉🎉');
    expect(showEmojiCodes('笑死[笑哭R] 主播[新表情R]')).toBe('笑死😂 主播新表情R');
    expect(showEmojiCodes('没有表情的评论')).toBe('没有表情的评论');
    // Brackets that are no code (a space inside, too long) stay as typed.
    expect(showEmojiCodes('[ 尺码 ] 和 [这个名字太长了不是表情码吧]')).toBe('[ 尺码 ] 和 [这个名字太长了不是表情码吧]');
  });
});
