import type { IsoDate, UnitId } from './ids';

export type UnitKind =
  | 'province' | 'city' | 'district' | 'ward' | 'commune' | 'department' | 'agency' | 'committee' | 'office';

/** One entry of the unit directory: data, never code (a reorganisation is an edit of this data). */
export type DirectoryUnit = {
  id: UnitId;
  name: string;
  kind: UnitKind;
  parentId: UnitId | null;
  /** Short names and other spellings: `Sở TT&TT`, `Sở Thông tin và Truyền thông`. */
  aliases: string[];
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  /** Units that took over this one's duties after validTo. */
  successors: UnitId[];
  /** Provenance or caveats for people editing the directory (the legal basis of a reorganisation). */
  note?: string;
};

/**
 * A group named in plans (`Các sở, ban, ngành, địa phương`, `UBND các huyện, thị xã, thành phố`):
 * assigning an item to it assigns every member that is valid at the plan's time.
 */
export type UnitGroup = {
  id: string;
  name: string;
  aliases: string[];
  /** Members are the units of these kinds under `parentId` (any depth when `deep`), plus `include`. */
  kinds: UnitKind[];
  parentId: UnitId | null;
  deep: boolean;
  include: UnitId[];
  /**
   * The plan says `liên quan` (those concerned): members are the candidates, the lead unit decides
   * who actually takes part. Still counted as assigning every member, so nobody misses an item.
   */
  related?: boolean;
  /** Plans issued by `parentId` (or a unit under it) are addressed to this group when an item names no unit. */
  addressee?: boolean;
  note?: string;
};

export type UnitDirectory = { version: number; asOf: IsoDate; units: DirectoryUnit[]; groups: UnitGroup[] };

/** A unit as carried in a plan package (DESIGN.md payload `plan.units`). */
export type PlanUnit = { id: UnitId; name: string; parentId: UnitId | null; aliases: string[]; publicKeys: PublicKeyEntry[] };
export type PublicKeyEntry = { keyId: string; publicKey: string; validFrom: string | null; revokedAt: string | null };
