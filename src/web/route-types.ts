// The shapes of the route table's entries and the lazy page loader (the table itself: routes.tsx).
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Me } from '../modules/auth/auth.schemas';
import type { Permission } from '../modules/auth/core/access';

/** A page module loaded when its address is first opened. */
export function page<M>(load: () => Promise<M>, name: keyof M): ComponentType {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}

/** Where an area appears in the side menu. */
export interface MenuEntry {
  /** Menu key (also what the selected item is matched by). */
  key: string;
  labelKey: string;
  icon: ReactNode;
  /** Position in the menu, ascending. */
  order: number;
  /** A submenu to show the item under (none today: the menu is flat). */
  group?: { key: string; labelKey: string; icon: ReactNode };
}

export interface RouteEntry {
  /** Path below the application frame, without the leading slash ('' for the index). */
  path: string;
  /** Needed to open the page (the 403 page otherwise); none: every logged-in user. */
  permission?: Permission;
  page: ComponentType;
  /** Loaded with the application rather than on first use. */
  eager?: boolean;
  /** Shows personal or unpublished data: the viewer's watermark covers it (PageWatermark). */
  watermark?: boolean;
  /** Takes the whole window, without the side menu and header (the large-screen cockpit). */
  bare?: boolean;
  menu?: MenuEntry;
}

/** What the router keeps of an entry for the frame to read (`useMatches()`). */
export interface RouteHandle {
  bare?: boolean;
}

export type Access = Pick<Me, 'permissions'>;

export function mayOpen(me: Access | null | undefined, route: RouteEntry): boolean {
  return !route.permission || (!!me && me.permissions.includes(route.permission));
}

/** A side-menu item: an area the user may open. */
export interface MenuItem extends MenuEntry {
  path: string;
}
