// The function generator's acceptance example (issue #12), for the tests and the benchmark.

export const acceptanceExample = [
  "--function",
  "sync-contact",
  "--event",
  "crm/contact.updated",
  "--data",
  "contactId:string,email:string",
  "--steps",
  "load-contact,push-to-crm",
  "--retries",
  "5",
  "--throttle",
  "10/1m,key=event.data.contactId",
  "--on-failure",
];
