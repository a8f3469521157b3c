-- CreateTable
CREATE TABLE "ButtonCommand" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "command" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);
