import { loadConfig } from '../config';
import { ormOptions } from './orm';

/** Configuration for the MikroORM CLI (`npx mikro-orm ...`), from the same environment. */
export default ormOptions(loadConfig());
