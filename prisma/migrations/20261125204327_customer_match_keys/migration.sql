-- AlterTable
ALTER TABLE "CustomerIdentity" ADD COLUMN "emailKey" TEXT;
ALTER TABLE "CustomerIdentity" ADD COLUMN "nameKey" TEXT;
ALTER TABLE "CustomerIdentity" ADD COLUMN "phoneE164" TEXT;

-- CreateIndex
CREATE INDEX "CustomerIdentity_emailKey_idx" ON "CustomerIdentity"("emailKey");

-- CreateIndex
CREATE INDEX "CustomerIdentity_phoneE164_idx" ON "CustomerIdentity"("phoneE164");

-- CreateIndex
CREATE INDEX "CustomerIdentity_nameKey_idx" ON "CustomerIdentity"("nameKey");
