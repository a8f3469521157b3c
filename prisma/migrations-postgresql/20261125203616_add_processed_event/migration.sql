-- CreateEnum
CREATE TYPE "PlanProposalKind" AS ENUM ('allocation', 'budget');

-- CreateEnum
CREATE TYPE "PlanProposalStatus" AS ENUM ('open', 'applied');

-- AlterTable
ALTER TABLE "Brand" ADD COLUMN     "translations" JSONB;

-- AlterTable
ALTER TABLE "CustomerIdentity" ADD COLUMN     "emailKey" TEXT,
ADD COLUMN     "nameKey" TEXT,
ADD COLUMN     "phoneE164" TEXT;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "featuresI18n" JSONB,
ADD COLUMN     "keywordsI18n" JSONB;

-- CreateTable
CREATE TABLE "PlanProposal" (
    "id" SERIAL NOT NULL,
    "kind" "PlanProposalKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "lines" JSONB NOT NULL,
    "basis" JSONB NOT NULL,
    "status" "PlanProposalStatus" NOT NULL DEFAULT 'open',
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "appliedBy" TEXT,
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "PlanProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "channel" TEXT,
    "recipientId" INTEGER,
    "subject" TEXT NOT NULL,
    "reply" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "key" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ButtonCommand" (
    "id" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ButtonCommand_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanProposal_kind_subject_idx" ON "PlanProposal"("kind", "subject");

-- CreateIndex
CREATE INDEX "Notification_deliveredAt_idx" ON "Notification"("deliveredAt");

-- CreateIndex
CREATE INDEX "Notification_subject_idx" ON "Notification"("subject");

-- CreateIndex
CREATE INDEX "ProcessedEvent_createdAt_idx" ON "ProcessedEvent"("createdAt");

-- CreateIndex
CREATE INDEX "CustomerIdentity_emailKey_idx" ON "CustomerIdentity"("emailKey");

-- CreateIndex
CREATE INDEX "CustomerIdentity_phoneE164_idx" ON "CustomerIdentity"("phoneE164");

-- CreateIndex
CREATE INDEX "CustomerIdentity_nameKey_idx" ON "CustomerIdentity"("nameKey");
