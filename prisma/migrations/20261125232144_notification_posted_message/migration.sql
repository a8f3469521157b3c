-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "deliveredVia" TEXT;
ALTER TABLE "Notification" ADD COLUMN "postedChannel" TEXT;
ALTER TABLE "Notification" ADD COLUMN "postedMessage" TEXT;
