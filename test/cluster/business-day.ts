// For tests of bare headlines: a day of unrelated business headlines, the background an aggregator's
// edition reads every pair against.
export const businessDay: readonly string[] = [
  'Retail sales climb as spring weather arrives early',
  'Carmaker recalls 25,000 pickups over faulty brake lines',
  'Airline ends ticketing pact with its low-cost rival',
  'Central bank official warns of slower growth in the eurozone',
  'Transit ridership hits a record high across American cities',
  'Fast-food giant blames snowstorms for weak February sales',
  'Activist investor loses proxy fight at online marketplace',
  'Copper prices slide to a four-year low on demand worries',
  'Regulator asks municipal borrowers to report late disclosures',
  'Oil futures dip as refiners trim imports',
  'Smartphone shipments grow fastest in emerging markets',
  'Brewer raises its dividend after a strong winter quarter',
  'Shipping rates fall as new vessels crowd the Pacific routes',
  'Steel output falls for a third month in a row',
  'Luxury watchmaker reports record sales in Hong Kong',
  'Pharmacy chain to stop selling tobacco products',
  'Wireless carrier cuts prices on family data plans',
  'Dairy farmers protest against falling milk prices',
  'Coffee futures surge as drought hits growing regions',
  'Cruise operator cancels voyages after engine fire',
];
