-- CreateTable
CREATE TABLE "ListingForecast" (
    "skuId" INTEGER NOT NULL,
    "platformId" INTEGER NOT NULL,
    "horizon" DATETIME NOT NULL,
    "firstSaleDay" DATETIME,
    "units30" INTEGER NOT NULL,
    "revenue30" DECIMAL NOT NULL,
    "fit" TEXT NOT NULL,
    "computedAt" DATETIME NOT NULL,

    PRIMARY KEY ("skuId", "platformId")
);

-- CreateIndex
CREATE INDEX "ListingForecast_platformId_horizon_idx" ON "ListingForecast"("platformId", "horizon");
