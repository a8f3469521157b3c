/**
 * The one registry. Adding a tool: one file under tools/<area>/, one line here, and its tests.
 * Help, the command grammar, the NL layer and the chat adapters all read from this list.
 */
import type { ToolDefinition } from '../tool.ts';
import { ToolRegistry } from './registry.ts';
import { showHelp } from './help/show-help.ts';
import { showStock } from './stock/show-stock.ts';
import { allocSuggest } from './alloc/alloc-suggest.ts';
import { allocReorder } from './alloc/alloc-reorder.ts';
import { allocApply } from './alloc/alloc-apply.ts';
import { budgetShow } from './budget/budget-show.ts';
import { budgetSuggest } from './budget/budget-suggest.ts';
import { budgetRequest } from './budget/budget-request.ts';
import { budgetApprove } from './budget/budget-approve.ts';
import { budgetReject } from './budget/budget-reject.ts';
import { margin } from './costs/margin.ts';
import { ship } from './costs/ship.ts';
import { whoami } from './team/whoami.ts';
import { showCustomer } from './customer/show-customer.ts';
import { linkCustomerIdentity } from './customer/link-identity.ts';
import { unlinkCustomerIdentity } from './customer/unlink-identity.ts';
import { purgeCustomerPii } from './customer/purge-pii.ts';
import { draftCustomerReply } from './customer/draft-reply.ts';
import { showTeam } from './team/show-team.ts';
import { linkChatUserTool } from './team/link-chat-user.ts';
import { unlinkChatUserTool } from './team/unlink-chat-user.ts';
import { rateAnswer } from './feedback/rate-answer.ts';
import { askKnowledge } from './knowledge/ask.ts';
import { explainImport } from './import/explain-import.ts';
import { importFileTool } from './import/import-file.ts';
import { generateCopy } from './copy/generate-copy.ts';
import { showCopy } from './copy/show-copy.ts';
import { approveCopy } from './copy/approve-copy.ts';
import { regenerateCopy } from './copy/regenerate-copy.ts';
import { exportCopy } from './copy/export-copy.ts';
import { showBrand } from './brand/show-brand.ts';
import { editBrand } from './brand/edit-brand.ts';
import { auditBrandTool } from './brand/audit-brand.ts';
import { showCampaign } from './campaign/show-campaign.ts';
import { newCampaign } from './campaign/new-campaign.ts';

/** Every tool of the product, in the order help lists them. */
export const ALL_TOOLS: readonly ToolDefinition[] = [
  showStock,
  allocSuggest,
  allocReorder,
  allocApply,
  budgetShow,
  budgetSuggest,
  budgetRequest,
  budgetApprove,
  budgetReject,
  margin,
  ship,
  showCustomer,
  draftCustomerReply,
  linkCustomerIdentity,
  unlinkCustomerIdentity,
  purgeCustomerPii,
  showHelp,
  whoami,
  showTeam,
  linkChatUserTool,
  unlinkChatUserTool,
  rateAnswer,
  askKnowledge,
  explainImport,
  importFileTool,
  generateCopy,
  showCopy,
  approveCopy,
  regenerateCopy,
  exportCopy,
  showBrand,
  editBrand,
  auditBrandTool,
  showCampaign,
  newCampaign,
];

/** The product's registry. Tests may build their own with `new ToolRegistry([...])`. */
export function createRegistry(tools: readonly ToolDefinition[] = ALL_TOOLS): ToolRegistry {
  return new ToolRegistry(tools);
}

export { ToolRegistry } from './registry.ts';
