/// <reference types="vite/client" />
import type { vInfiniteScroll, vLoading } from 'element-plus';
import type { vPerm } from './directives/perm';

declare module 'vue' {
  interface GlobalDirectives {
    vPerm: typeof vPerm;
    vLoading: typeof vLoading;
    vInfiniteScroll: typeof vInfiniteScroll;
  }
}
