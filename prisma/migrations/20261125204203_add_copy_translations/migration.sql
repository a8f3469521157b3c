-- AlterTable
ALTER TABLE "Brand" ADD COLUMN "translations" JSONB;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN "featuresI18n" JSONB;
ALTER TABLE "Product" ADD COLUMN "keywordsI18n" JSONB;
