-- CreateTable
CREATE TABLE "ListingForecast" (
    "skuId" INTEGER NOT NULL,
    "platformId" INTEGER NOT NULL,
    "horizon" TIMESTAMP(3) NOT NULL,
    "firstSaleDay" TIMESTAMP(3),
    "units30" INTEGER NOT NULL,
    "revenue30" DECIMAL(65,30) NOT NULL,
    "fit" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ListingForecast_pkey" PRIMARY KEY ("skuId","platformId")
);

-- CreateIndex
CREATE INDEX "ListingForecast_platformId_horizon_idx" ON "ListingForecast"("platformId", "horizon");
