-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "deliveredVia" TEXT,
ADD COLUMN     "postedChannel" TEXT,
ADD COLUMN     "postedMessage" TEXT;
