/** @jsxImportSource react */
import { makePage } from '@keystatic/astro/ui';
import config from './keystatic.config.tsx';

export const Editor = makePage(config);
