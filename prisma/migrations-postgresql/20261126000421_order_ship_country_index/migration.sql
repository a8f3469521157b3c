-- CreateIndex
CREATE INDEX "Order_platformId_shipCountry_idx" ON "Order"("platformId", "shipCountry");
