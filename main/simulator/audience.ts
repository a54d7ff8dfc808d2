/**
 * Who is in the live room. Users come from a bounded pool so that distinct
 * counts (UV, buyers) saturate the way real rooms do, and a user's identity
 * (id, nickname, fan traits) depends only on the pool index, never on the
 * seed: the same regulars come back session after session.
 */
import type { User } from '../../shared/protocol/index.js';
import { hash32, type NonEmpty, type Rng } from './rng.js';

const nicknameStarts: NonEmpty<string> = ['爱吃', '不吃', '想睡觉的', '努力搬砖的', '今天也要', '一只', '是', '小', '快乐', '早睡的'];
const nicknameCores: NonEmpty<string> = ['草莓', '橘子', '猫', '兔兔', '芋泥', '奶茶', '柚子', '麻薯', '阿柒', '团子', 'Luna', 'Coco', 'momo', '小鹿'];
const nicknameEnds: NonEmpty<string> = ['', '', '', '酱', '呀', '_', '🍓', '2023', '本人', '的日常'];

/** The share of the pool that counts as regulars: the low indices, drawn most often. */
const REGULARS_SHARE = 0.12;

function nicknameOf(traits: number): string {
  // Xiaohongshu gives new accounts "小红薯" + hex; many never rename.
  if (traits % 100 < 35) return `小红薯${(traits >>> 8).toString(16).toUpperCase().padStart(6, '0').slice(0, 6)}`;
  const start = nicknameStarts[(traits >>> 7) % nicknameStarts.length] ?? '';
  const core = nicknameCores[(traits >>> 12) % nicknameCores.length] ?? '';
  const end = nicknameEnds[(traits >>> 17) % nicknameEnds.length] ?? '';
  return `${start}${core}${end}`;
}

export class Audience {
  readonly size: number;
  private readonly users: (User | undefined)[];
  /** Indices of present users, densely packed, so a random present user costs O(1). */
  private readonly present: Int32Array;
  /** Where each user sits in `present`, or -1 when absent. */
  private readonly slotOf: Int32Array;
  private presentCount = 0;
  private readonly everEntered: Uint8Array;
  private distinctViewers = 0;

  constructor(
    size: number,
    private readonly idPrefix: string,
  ) {
    this.size = size;
    this.users = new Array<User | undefined>(size);
    this.present = new Int32Array(size);
    this.slotOf = new Int32Array(size).fill(-1);
    this.everEntered = new Uint8Array(size);
  }

  get online(): number {
    return this.presentCount;
  }

  get cumulative(): number {
    return this.distinctViewers;
  }

  /** The user's protocol identity; the same object until their traits change, so events share it. */
  user(index: number): User {
    return this.users[index] ?? this.createUser(index);
  }

  isPresent(index: number): boolean {
    return (this.slotOf[index] ?? -1) >= 0;
  }

  /**
   * Someone arriving: regulars (low indices) come far more often than the
   * long tail, as a store's fans do.
   */
  drawVisitor(rng: Rng): number {
    return Math.floor(this.size * rng.next() ** 1.6);
  }

  /** A random user who is in the room now, or -1 when the room is empty. */
  drawPresent(rng: Rng): number {
    return this.presentCount === 0 ? -1 : (this.present[rng.below(this.presentCount)] ?? -1);
  }

  enter(index: number): void {
    if (this.isPresent(index)) return;
    this.present[this.presentCount] = index;
    this.slotOf[index] = this.presentCount++;
    if (this.everEntered[index] === 0) {
      this.everEntered[index] = 1;
      this.distinctViewers++;
    }
  }

  leave(index: number): void {
    const slot = this.slotOf[index] ?? -1;
    if (slot < 0) return;
    const last = this.present[--this.presentCount] ?? index;
    this.present[slot] = last;
    this.slotOf[last] = slot;
    this.slotOf[index] = -1;
  }

  follow(index: number): void {
    const user = this.user(index);
    if (!user.follower) this.users[index] = { ...user, follower: true, fanLevel: Math.max(user.fanLevel ?? 0, 1) };
  }

  joinGroup(index: number): void {
    const user = this.user(index);
    if (!user.groupMember) this.users[index] = { ...user, groupMember: true };
  }

  private createUser(index: number): User {
    const traits = hash32(index ^ 0x5bd1e995);
    const regular = index < this.size * REGULARS_SHARE;
    const follower = regular ? traits % 10 < 7 : traits % 100 < 4;
    const groupMember = follower && traits % 7 === 0;
    const user: User = { id: `${this.idPrefix}${100_000 + index}`, name: nicknameOf(traits), follower };
    if (groupMember) user.groupMember = true;
    if (follower) user.fanLevel = 1 + ((traits >>> 20) % (regular ? 20 : 4));
    this.users[index] = user;
    return user;
  }
}
