import { loadConfig } from './config';
import { CONTENT_ENTITIES } from './content/entities';
import { ormOptions } from './db/orm';

/** Configuration for the MikroORM CLI (`npx mikro-orm ...`), from the same environment. */
export default ormOptions(loadConfig(), CONTENT_ENTITIES);
