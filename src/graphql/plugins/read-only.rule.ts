import {
  OperationTypeNode,
  type ASTVisitor,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode, RefusalError } from '../errors';

/**
 * The API only reads (content changes through `npm run seed`): a mutation or subscription is
 * refused during validation with READ_ONLY_API and 400, instead of failing in execution.
 */
export const readOnlyRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(node) {
    if (node.operation === OperationTypeNode.QUERY) return;
    context.reportError(
      new RefusalError(
        ErrorCode.READ_ONLY_API,
        `This API is read-only: it has no ${node.operation}s; send a query.`,
        { operation: node.operation },
      ),
    );
  },
});
