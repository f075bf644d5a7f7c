using C2C.Core.Guarantees;

namespace C2C.Core.Documents;

public sealed record DocumentGoodsItem(int Number, string CommodityCode, string Description, string Packages, decimal GrossMass, decimal? StatisticalValue);
