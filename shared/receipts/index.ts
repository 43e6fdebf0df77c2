// Receiving packages at the consolidating unit and answering the senders (receipts).
export * from './intake';
export * from './receipt';
export * from './expected';
export * from './missing';
export * from './forUnit';
export * from './followUp';
