/** The terminal writes numbers the Chinese way (万 from 10,000), with the one formatter every UI uses. */
import { numberFormats } from '../../shared/format/numbers.js';

export const fmt = numberFormats('zh-CN');
