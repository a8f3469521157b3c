-- CreateEnum
CREATE TYPE "PlatformStage" AS ENUM ('mature', 'growing', 'new');

-- CreateEnum
CREATE TYPE "ListingStatus" AS ENUM ('active', 'inactive', 'draft');

-- CreateEnum
CREATE TYPE "WarehouseKind" AS ENUM ('own', 'fba', 'threepl');

-- CreateEnum
CREATE TYPE "InboundStatus" AS ENUM ('planned', 'in_transit', 'received', 'cancelled');

-- CreateEnum
CREATE TYPE "AdCampaignStatus" AS ENUM ('enabled', 'paused', 'archived');

-- CreateEnum
CREATE TYPE "EmailKind" AS ENUM ('real', 'relay');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('pending', 'unshipped', 'shipped', 'delivered', 'cancelled', 'returned');

-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('open', 'pending', 'closed');

-- CreateEnum
CREATE TYPE "BudgetPurpose" AS ENUM ('ads', 'inventory', 'exploration', 'operations');

-- CreateEnum
CREATE TYPE "ChangeRequestStatus" AS ENUM ('pending', 'approved', 'rejected', 'expired');

-- CreateEnum
CREATE TYPE "CopyStatus" AS ENUM ('draft', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('staff', 'cs', 'marketing', 'manager', 'admin');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('open', 'in_progress', 'done');

-- CreateTable
CREATE TABLE "Platform" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "marketplace" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "country" TEXT,
    "currency" TEXT NOT NULL,
    "stage" "PlatformStage" NOT NULL,
    "commissionRate" DOUBLE PRECISION NOT NULL,
    "marketPotential" INTEGER NOT NULL DEFAULT 3,
    "launchedOn" TIMESTAMP(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Platform_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Brand" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "coreValues" JSONB NOT NULL,
    "tone" TEXT NOT NULL,
    "vocabulary" JSONB NOT NULL,
    "requiredPhrases" JSONB NOT NULL,
    "bannedPhrases" JSONB NOT NULL,
    "visualTokens" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Brand_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Supplier" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "defaultLeadTimeDays" INTEGER NOT NULL,

    CONSTRAINT "Supplier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" SERIAL NOT NULL,
    "brandId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "nameI18n" JSONB NOT NULL,
    "category" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "features" JSONB NOT NULL,
    "material" TEXT,
    "keywords" JSONB NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sku" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "productId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unitCost" DECIMAL(65,30) NOT NULL,
    "costCurrency" TEXT NOT NULL,
    "weightGrams" INTEGER NOT NULL,
    "lengthMm" INTEGER NOT NULL,
    "widthMm" INTEGER NOT NULL,
    "heightMm" INTEGER NOT NULL,
    "declaredValue" DECIMAL(65,30) NOT NULL,
    "supplierId" INTEGER NOT NULL,
    "leadTimeDays" INTEGER NOT NULL,
    "moq" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Sku_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Listing" (
    "id" SERIAL NOT NULL,
    "skuId" INTEGER NOT NULL,
    "platformId" INTEGER NOT NULL,
    "externalId" TEXT,
    "title" TEXT NOT NULL,
    "bullets" JSONB NOT NULL,
    "description" TEXT NOT NULL,
    "searchTerms" TEXT,
    "price" DECIMAL(65,30) NOT NULL,
    "currency" TEXT NOT NULL,
    "status" "ListingStatus" NOT NULL DEFAULT 'active',
    "variant" TEXT NOT NULL DEFAULT 'standard',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Listing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Warehouse" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "WarehouseKind" NOT NULL,
    "country" TEXT NOT NULL,

    CONSTRAINT "Warehouse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WarehouseChannel" (
    "warehouseId" INTEGER NOT NULL,
    "platformId" INTEGER NOT NULL,

    CONSTRAINT "WarehouseChannel_pkey" PRIMARY KEY ("warehouseId","platformId")
);

-- CreateTable
CREATE TABLE "StockLevel" (
    "id" SERIAL NOT NULL,
    "skuId" INTEGER NOT NULL,
    "warehouseId" INTEGER NOT NULL,
    "onHand" INTEGER NOT NULL,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StockLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundShipment" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "skuId" INTEGER NOT NULL,
    "warehouseId" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "eta" TIMESTAMP(3) NOT NULL,
    "status" "InboundStatus" NOT NULL DEFAULT 'in_transit',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundShipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelAllocation" (
    "id" SERIAL NOT NULL,
    "skuId" INTEGER NOT NULL,
    "platformId" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "ChannelAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SalesDaily" (
    "id" SERIAL NOT NULL,
    "skuId" INTEGER NOT NULL,
    "platformId" INTEGER NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "units" INTEGER NOT NULL,
    "revenue" DECIMAL(65,30) NOT NULL,
    "currency" TEXT NOT NULL,

    CONSTRAINT "SalesDaily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdCampaign" (
    "id" SERIAL NOT NULL,
    "platformId" INTEGER NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "AdCampaignStatus" NOT NULL DEFAULT 'enabled',
    "skuId" INTEGER,
    "startedOn" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdSpendDaily" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "impressions" INTEGER NOT NULL,
    "clicks" INTEGER NOT NULL,
    "spend" DECIMAL(65,30) NOT NULL,
    "orders" INTEGER NOT NULL,
    "attributedRevenue" DECIMAL(65,30) NOT NULL,
    "currency" TEXT NOT NULL,
    "attributionDays" INTEGER NOT NULL DEFAULT 7,

    CONSTRAINT "AdSpendDaily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" SERIAL NOT NULL,
    "displayName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerIdentity" (
    "id" SERIAL NOT NULL,
    "platformId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "customerId" INTEGER,
    "name" TEXT,
    "email" TEXT,
    "emailKind" "EmailKind",
    "phone" TEXT,
    "addressLine1" TEXT,
    "addressLine2" TEXT,
    "city" TEXT,
    "region" TEXT,
    "postalCode" TEXT,
    "country" TEXT,
    "piiPurgedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdentityLink" (
    "id" SERIAL NOT NULL,
    "identityId" INTEGER NOT NULL,
    "customerId" INTEGER NOT NULL,
    "evidence" JSONB NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "method" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "removedAt" TIMESTAMP(3),
    "removedBy" TEXT,

    CONSTRAINT "IdentityLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" SERIAL NOT NULL,
    "platformId" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "identityId" INTEGER NOT NULL,
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "shippedAt" TIMESTAMP(3),
    "status" "OrderStatus" NOT NULL,
    "currency" TEXT NOT NULL,
    "total" DECIMAL(65,30) NOT NULL,
    "shipCountry" TEXT,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" SERIAL NOT NULL,
    "orderId" INTEGER NOT NULL,
    "skuId" INTEGER,
    "externalSku" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPrice" DECIMAL(65,30) NOT NULL,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" SERIAL NOT NULL,
    "platformId" INTEGER NOT NULL,
    "identityId" INTEGER NOT NULL,
    "externalId" TEXT,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "TicketStatus" NOT NULL DEFAULT 'open',
    "orderRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" SERIAL NOT NULL,
    "platformId" INTEGER NOT NULL,
    "identityId" INTEGER,
    "skuId" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Budget" (
    "id" SERIAL NOT NULL,
    "period" TEXT NOT NULL,
    "platformId" INTEGER NOT NULL,
    "purpose" "BudgetPurpose" NOT NULL,
    "amount" DECIMAL(65,30) NOT NULL,
    "currency" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Budget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetChangeRequest" (
    "id" SERIAL NOT NULL,
    "budgetId" INTEGER NOT NULL,
    "delta" DECIMAL(65,30) NOT NULL,
    "reason" TEXT NOT NULL,
    "requesterId" INTEGER NOT NULL,
    "status" "ChangeRequestStatus" NOT NULL DEFAULT 'pending',
    "baseVersion" INTEGER NOT NULL,
    "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "BudgetChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalDecision" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "deciderId" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApprovalDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLedgerEntry" (
    "id" SERIAL NOT NULL,
    "budgetId" INTEGER NOT NULL,
    "requestId" INTEGER,
    "delta" DECIMAL(65,30) NOT NULL,
    "before" DECIMAL(65,30) NOT NULL,
    "after" DECIMAL(65,30) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BudgetLedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LogisticsOption" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "carrier" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "originCountry" TEXT NOT NULL,
    "destinations" JSONB NOT NULL,
    "transitDaysMin" INTEGER NOT NULL,
    "transitDaysMax" INTEGER NOT NULL,
    "maxWeightGrams" INTEGER NOT NULL,
    "maxDeclaredValue" DECIMAL(65,30),
    "tracked" BOOLEAN NOT NULL,
    "currency" TEXT NOT NULL,

    CONSTRAINT "LogisticsOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LogisticsRate" (
    "id" SERIAL NOT NULL,
    "optionId" INTEGER NOT NULL,
    "minGrams" INTEGER NOT NULL,
    "maxGrams" INTEGER NOT NULL,
    "baseFee" DECIMAL(65,30) NOT NULL,
    "perKg" DECIMAL(65,30) NOT NULL,

    CONSTRAINT "LogisticsRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignPlatform" (
    "campaignId" INTEGER NOT NULL,
    "platformId" INTEGER NOT NULL,
    "mechanics" JSONB NOT NULL,

    CONSTRAINT "CampaignPlatform_pkey" PRIMARY KEY ("campaignId","platformId")
);

-- CreateTable
CREATE TABLE "CopyVariant" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER,
    "skuId" INTEGER NOT NULL,
    "platformId" INTEGER NOT NULL,
    "locale" TEXT NOT NULL,
    "fields" JSONB NOT NULL,
    "checks" JSONB NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "status" "CopyStatus" NOT NULL DEFAULT 'draft',
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "approvedBy" TEXT,
    "approvedAt" TIMESTAMP(3),

    CONSTRAINT "CopyVariant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "id" SERIAL NOT NULL,
    "handle" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slackUserId" TEXT,
    "discordUserId" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMemberRole" (
    "memberId" INTEGER NOT NULL,
    "role" "Role" NOT NULL,

    CONSTRAINT "TeamMemberRole_pkey" PRIMARY KEY ("memberId","role")
);

-- CreateTable
CREATE TABLE "PlatformOwner" (
    "memberId" INTEGER NOT NULL,
    "platformId" INTEGER NOT NULL,

    CONSTRAINT "PlatformOwner_pkey" PRIMARY KEY ("memberId","platformId")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER,
    "platformId" INTEGER,
    "assigneeId" INTEGER,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'open',
    "dueOn" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "via" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Platform_code_key" ON "Platform"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Brand_name_key" ON "Brand"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Supplier_code_key" ON "Supplier"("code");

-- CreateIndex
CREATE INDEX "Product_brandId_idx" ON "Product"("brandId");

-- CreateIndex
CREATE UNIQUE INDEX "Sku_code_key" ON "Sku"("code");

-- CreateIndex
CREATE INDEX "Sku_productId_idx" ON "Sku"("productId");

-- CreateIndex
CREATE INDEX "Sku_supplierId_idx" ON "Sku"("supplierId");

-- CreateIndex
CREATE INDEX "Listing_platformId_idx" ON "Listing"("platformId");

-- CreateIndex
CREATE UNIQUE INDEX "Listing_skuId_platformId_key" ON "Listing"("skuId", "platformId");

-- CreateIndex
CREATE UNIQUE INDEX "Warehouse_code_key" ON "Warehouse"("code");

-- CreateIndex
CREATE INDEX "WarehouseChannel_platformId_idx" ON "WarehouseChannel"("platformId");

-- CreateIndex
CREATE INDEX "StockLevel_warehouseId_idx" ON "StockLevel"("warehouseId");

-- CreateIndex
CREATE UNIQUE INDEX "StockLevel_skuId_warehouseId_key" ON "StockLevel"("skuId", "warehouseId");

-- CreateIndex
CREATE UNIQUE INDEX "InboundShipment_reference_key" ON "InboundShipment"("reference");

-- CreateIndex
CREATE INDEX "InboundShipment_skuId_status_idx" ON "InboundShipment"("skuId", "status");

-- CreateIndex
CREATE INDEX "InboundShipment_warehouseId_idx" ON "InboundShipment"("warehouseId");

-- CreateIndex
CREATE INDEX "ChannelAllocation_platformId_idx" ON "ChannelAllocation"("platformId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelAllocation_skuId_platformId_key" ON "ChannelAllocation"("skuId", "platformId");

-- CreateIndex
CREATE INDEX "SalesDaily_platformId_day_idx" ON "SalesDaily"("platformId", "day");

-- CreateIndex
CREATE INDEX "SalesDaily_day_idx" ON "SalesDaily"("day");

-- CreateIndex
CREATE UNIQUE INDEX "SalesDaily_skuId_platformId_day_key" ON "SalesDaily"("skuId", "platformId", "day");

-- CreateIndex
CREATE INDEX "AdCampaign_skuId_idx" ON "AdCampaign"("skuId");

-- CreateIndex
CREATE UNIQUE INDEX "AdCampaign_platformId_name_key" ON "AdCampaign"("platformId", "name");

-- CreateIndex
CREATE INDEX "AdSpendDaily_day_idx" ON "AdSpendDaily"("day");

-- CreateIndex
CREATE UNIQUE INDEX "AdSpendDaily_campaignId_day_key" ON "AdSpendDaily"("campaignId", "day");

-- CreateIndex
CREATE INDEX "CustomerIdentity_customerId_idx" ON "CustomerIdentity"("customerId");

-- CreateIndex
CREATE INDEX "CustomerIdentity_email_idx" ON "CustomerIdentity"("email");

-- CreateIndex
CREATE INDEX "CustomerIdentity_phone_idx" ON "CustomerIdentity"("phone");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerIdentity_platformId_externalId_key" ON "CustomerIdentity"("platformId", "externalId");

-- CreateIndex
CREATE INDEX "IdentityLink_identityId_idx" ON "IdentityLink"("identityId");

-- CreateIndex
CREATE INDEX "IdentityLink_customerId_idx" ON "IdentityLink"("customerId");

-- CreateIndex
CREATE INDEX "Order_identityId_idx" ON "Order"("identityId");

-- CreateIndex
CREATE INDEX "Order_externalId_idx" ON "Order"("externalId");

-- CreateIndex
CREATE INDEX "Order_orderedAt_idx" ON "Order"("orderedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Order_platformId_externalId_key" ON "Order"("platformId", "externalId");

-- CreateIndex
CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");

-- CreateIndex
CREATE INDEX "OrderLine_skuId_idx" ON "OrderLine"("skuId");

-- CreateIndex
CREATE INDEX "Ticket_identityId_idx" ON "Ticket"("identityId");

-- CreateIndex
CREATE INDEX "Ticket_status_idx" ON "Ticket"("status");

-- CreateIndex
CREATE INDEX "Review_identityId_idx" ON "Review"("identityId");

-- CreateIndex
CREATE INDEX "Review_skuId_idx" ON "Review"("skuId");

-- CreateIndex
CREATE UNIQUE INDEX "Budget_period_platformId_purpose_key" ON "Budget"("period", "platformId", "purpose");

-- CreateIndex
CREATE INDEX "BudgetChangeRequest_status_idx" ON "BudgetChangeRequest"("status");

-- CreateIndex
CREATE INDEX "BudgetChangeRequest_budgetId_idx" ON "BudgetChangeRequest"("budgetId");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalDecision_requestId_deciderId_key" ON "ApprovalDecision"("requestId", "deciderId");

-- CreateIndex
CREATE INDEX "BudgetLedgerEntry_budgetId_idx" ON "BudgetLedgerEntry"("budgetId");

-- CreateIndex
CREATE UNIQUE INDEX "LogisticsOption_code_key" ON "LogisticsOption"("code");

-- CreateIndex
CREATE INDEX "LogisticsRate_optionId_idx" ON "LogisticsRate"("optionId");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_code_key" ON "Campaign"("code");

-- CreateIndex
CREATE INDEX "CampaignPlatform_platformId_idx" ON "CampaignPlatform"("platformId");

-- CreateIndex
CREATE INDEX "CopyVariant_skuId_platformId_locale_idx" ON "CopyVariant"("skuId", "platformId", "locale");

-- CreateIndex
CREATE INDEX "CopyVariant_campaignId_idx" ON "CopyVariant"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMember_handle_key" ON "TeamMember"("handle");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMember_slackUserId_key" ON "TeamMember"("slackUserId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMember_discordUserId_key" ON "TeamMember"("discordUserId");

-- CreateIndex
CREATE INDEX "PlatformOwner_platformId_idx" ON "PlatformOwner"("platformId");

-- CreateIndex
CREATE INDEX "Task_assigneeId_status_idx" ON "Task"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Task_campaignId_idx" ON "Task"("campaignId");

-- CreateIndex
CREATE INDEX "AuditEvent_targetType_targetId_idx" ON "AuditEvent"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_brandId_fkey" FOREIGN KEY ("brandId") REFERENCES "Brand"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sku" ADD CONSTRAINT "Sku_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sku" ADD CONSTRAINT "Sku_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarehouseChannel" ADD CONSTRAINT "WarehouseChannel_warehouseId_fkey" FOREIGN KEY ("warehouseId") REFERENCES "Warehouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarehouseChannel" ADD CONSTRAINT "WarehouseChannel_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockLevel" ADD CONSTRAINT "StockLevel_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockLevel" ADD CONSTRAINT "StockLevel_warehouseId_fkey" FOREIGN KEY ("warehouseId") REFERENCES "Warehouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundShipment" ADD CONSTRAINT "InboundShipment_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundShipment" ADD CONSTRAINT "InboundShipment_warehouseId_fkey" FOREIGN KEY ("warehouseId") REFERENCES "Warehouse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelAllocation" ADD CONSTRAINT "ChannelAllocation_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelAllocation" ADD CONSTRAINT "ChannelAllocation_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalesDaily" ADD CONSTRAINT "SalesDaily_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SalesDaily" ADD CONSTRAINT "SalesDaily_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdCampaign" ADD CONSTRAINT "AdCampaign_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdCampaign" ADD CONSTRAINT "AdCampaign_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdSpendDaily" ADD CONSTRAINT "AdSpendDaily_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "AdCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerIdentity" ADD CONSTRAINT "CustomerIdentity_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerIdentity" ADD CONSTRAINT "CustomerIdentity_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityLink" ADD CONSTRAINT "IdentityLink_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "CustomerIdentity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdentityLink" ADD CONSTRAINT "IdentityLink_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "CustomerIdentity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "CustomerIdentity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_identityId_fkey" FOREIGN KEY ("identityId") REFERENCES "CustomerIdentity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Budget" ADD CONSTRAINT "Budget_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetChangeRequest" ADD CONSTRAINT "BudgetChangeRequest_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetChangeRequest" ADD CONSTRAINT "BudgetChangeRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "TeamMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalDecision" ADD CONSTRAINT "ApprovalDecision_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "BudgetChangeRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalDecision" ADD CONSTRAINT "ApprovalDecision_deciderId_fkey" FOREIGN KEY ("deciderId") REFERENCES "TeamMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLedgerEntry" ADD CONSTRAINT "BudgetLedgerEntry_budgetId_fkey" FOREIGN KEY ("budgetId") REFERENCES "Budget"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLedgerEntry" ADD CONSTRAINT "BudgetLedgerEntry_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "BudgetChangeRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LogisticsRate" ADD CONSTRAINT "LogisticsRate_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "LogisticsOption"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignPlatform" ADD CONSTRAINT "CampaignPlatform_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignPlatform" ADD CONSTRAINT "CampaignPlatform_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CopyVariant" ADD CONSTRAINT "CopyVariant_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CopyVariant" ADD CONSTRAINT "CopyVariant_skuId_fkey" FOREIGN KEY ("skuId") REFERENCES "Sku"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CopyVariant" ADD CONSTRAINT "CopyVariant_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMemberRole" ADD CONSTRAINT "TeamMemberRole_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "TeamMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformOwner" ADD CONSTRAINT "PlatformOwner_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "TeamMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformOwner" ADD CONSTRAINT "PlatformOwner_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "TeamMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;
