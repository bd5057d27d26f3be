/** Name of the BullMQ FlowProducer that adds article-verified flows (registered in QueueModule). */
export const PIPELINE_FLOW_PRODUCER = 'pipeline';
