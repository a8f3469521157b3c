-- CreateTable
CREATE TABLE "PlanProposal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "lines" JSONB NOT NULL,
    "basis" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "appliedBy" TEXT,
    "appliedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "topic" TEXT NOT NULL,
    "channel" TEXT,
    "recipientId" INTEGER,
    "subject" TEXT NOT NULL,
    "reply" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "deliveredAt" DATETIME
);

-- CreateIndex
CREATE INDEX "PlanProposal_kind_subject_idx" ON "PlanProposal"("kind", "subject");

-- CreateIndex
CREATE INDEX "Notification_deliveredAt_idx" ON "Notification"("deliveredAt");

-- CreateIndex
CREATE INDEX "Notification_subject_idx" ON "Notification"("subject");
