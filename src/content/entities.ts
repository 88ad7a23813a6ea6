import { ContentEntity } from './common/content.entity';
import { ContentLink } from './common/content-link.entity';
import { ContentState } from './common/content-state.entity';
import { ContentTranslation } from './common/content-translation.entity';
import { Source } from './common/source.entity';
import { Tag } from './common/tag.entity';
import { RoleModel } from './role-model/role-model.entity';
import { SynonymsDocument } from './common/synonyms.entity';
import { CONTENT_TYPES } from './registry';

/** Every entity the ORM manages: the common ones and each registered type's. */
export const CONTENT_ENTITIES = [
  ContentEntity,
  ...CONTENT_TYPES.map((d) => d.entity),
  ContentTranslation,
  Source,
  Tag,
  ContentLink,
  ContentState,
  RoleModel,
  SynonymsDocument,
];
